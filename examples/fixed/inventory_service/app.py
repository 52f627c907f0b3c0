"""The inventory service without blocking calls: the database through `aiosqlite`, the supplier
through an async client, the pause with `asyncio.sleep`, the file read in a worker thread."""
import asyncio
import json
from pathlib import Path

import aiosqlite
from fastapi import FastAPI

from .suppliers import supplier_stock

app = FastAPI()


@app.get("/items/{sku}")
async def item(sku: str) -> dict:
    async with aiosqlite.connect("inventory.db") as db:
        async with db.execute("select name, count from items where sku = ?", (sku,)) as cursor:
            row = await cursor.fetchone()
    return {"sku": sku, "name": row[0], "count": row[1]}


@app.get("/restock/{sku}")
async def restock(sku: str) -> dict:
    available = await supplier_stock(sku)
    await asyncio.sleep(0.5)
    return {"sku": sku, "available": available}


@app.get("/catalog")
async def catalog() -> list:
    text = await asyncio.to_thread(Path("catalog.json").read_text)
    return json.loads(text)
