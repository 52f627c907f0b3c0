"""The latest prices, their history, and the nightly export to Postgres.

The locks live next to the state they guard, and are always taken in one order: `cache_lock`
before `history_lock`.
"""
import asyncio

import asyncpg

cache_lock = asyncio.Lock()
history_lock = asyncio.Lock()
DSN = "postgresql://prices@db/prices"
_latest: dict[str, float] = {}
_history: list[dict[str, float]] = []


async def record_history(prices: dict[str, float]) -> None:
    async with history_lock:
        _history.append(prices)


async def save_prices(prices: dict[str, float]) -> None:
    async with cache_lock:
        _latest.update(prices)
        await record_history(prices)


async def compact_history(keep: int) -> None:
    async with cache_lock:
        async with history_lock:
            del _history[:-keep]
            known = {sku for entry in _history for sku in entry}
            for sku in list(_latest):
                if sku not in known:
                    del _latest[sku]


async def export_prices() -> None:
    conn = await asyncpg.connect(DSN)
    try:
        await conn.executemany(
            "INSERT INTO prices (sku, price) VALUES ($1, $2)", list(_latest.items())
        )
    finally:
        await conn.close()
