import asyncio as aio
import os.path

from app import Engine
from .. import db
from ..core import Engine as CoreEngine
from ...outside import nothing


async def main(url):
    engine = Engine.create(url)
    other = CoreEngine(url)
    await aio.gather(engine.run(), other.run())
    aio.create_task(engine.fetch(url))
    other.describe()
    rows = db.query("select 1")
    db.conn.commit()
    os.path.join("a", "b")
    nothing()
    return [len(row) for row in rows]


def time():
    return 3


def shadowed():
    time()
