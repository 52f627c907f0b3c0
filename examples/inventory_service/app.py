"""A FastAPI inventory service whose coroutines block the event loop: while one request sleeps,
reads a file or waits for a supplier, every other request of the worker stands still."""
import json
import sqlite3
import time

from fastapi import FastAPI

from .suppliers import supplier_stock

app = FastAPI()
db = sqlite3.connect("inventory.db", check_same_thread=False)


@app.get("/items/{sku}")
async def item(sku: str) -> dict:
    row = db.execute("select name, count from items where sku = ?", (sku,)).fetchone()
    return {"sku": sku, "name": row[0], "count": row[1]}


@app.get("/restock/{sku}")
async def restock(sku: str) -> dict:
    available = supplier_stock(sku)
    time.sleep(0.5)
    return {"sku": sku, "available": available}


@app.get("/catalog")
async def catalog() -> list:
    with open("catalog.json") as handle:
        return json.load(handle)
