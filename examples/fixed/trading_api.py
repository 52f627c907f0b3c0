"""The trading API as an async service: one event loop for the process (the ASGI server's), one
HTTP session shared by every request, created and closed with the application."""
import asyncio
from contextlib import asynccontextmanager

import aiohttp
from fastapi import FastAPI

EXCHANGE = "https://quotes.example.com"
clients: dict[str, aiohttp.ClientSession] = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with aiohttp.ClientSession() as session:
        clients["http"] = session
        yield


app = FastAPI(lifespan=lifespan)


async def fetch_quote(symbol: str) -> float:
    async with clients["http"].get(f"{EXCHANGE}/{symbol}") as response:
        payload = await response.json()
        return float(payload["price"])


@app.get("/quote/{symbol}")
async def quote(symbol: str) -> dict[str, float]:
    return {symbol: await fetch_quote(symbol)}


@app.get("/portfolio")
async def portfolio() -> dict[str, float]:
    symbols = ["AAPL", "MSFT", "GOOG"]
    prices = await asyncio.gather(*(fetch_quote(s) for s in symbols))
    return dict(zip(symbols, prices))
