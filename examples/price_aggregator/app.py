"""A FastAPI service that quotes prices for a basket of SKUs from a supplier API."""
import asyncio

import httpx
from fastapi import FastAPI

from price_aggregator import store

app = FastAPI()
SUPPLIER_API = "https://supplier.example.com"


async def fetch_price(client: httpx.AsyncClient, sku: str) -> float:
    response = await client.get(f"{SUPPLIER_API}/prices/{sku}")
    response.raise_for_status()
    return float(response.json()["price"])


@app.post("/quotes")
async def quotes(skus: list[str]) -> dict[str, float]:
    async with httpx.AsyncClient(timeout=5) as client:
        prices = await asyncio.gather(*(fetch_price(client, sku) for sku in skus))
    quoted = dict(zip(skus, prices))
    await store.save_prices(quoted)
    return quoted
