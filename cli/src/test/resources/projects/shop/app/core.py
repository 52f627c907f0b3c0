import asyncio
import aiohttp

from .util import fetch_json


class Base:
    async def fetch(self, url):
        return await self.session.get(url)

    def describe(self):
        return repr(self)


class Engine(Base):
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = aiohttp.ClientSession()
        self.lock = asyncio.Lock()

    async def run(self):
        async with self.lock:
            response = await self.fetch(self.base_url)
        text = await response.text()
        self.describe()
        legacy = fetch_json(self.base_url)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, fetch_json, self.base_url)
        return text, legacy

    async def fetch(self, url):
        return await super().fetch(url)

    async def close(self):
        await self.session.close()

    @classmethod
    def create(cls, url):
        return cls(url)
