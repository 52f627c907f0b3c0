"""A FastAPI service that quotes prices for a basket of SKUs from a supplier API."""
import asyncio
import contextlib

import httpx
from fastapi import FastAPI, Request

from price_aggregator import store

SUPPLIER_API = "https://supplier.example.com"
_supplier_slots = asyncio.Semaphore(10)


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.supplier = httpx.AsyncClient(timeout=5)
    yield
    await app.state.supplier.aclose()


app = FastAPI(lifespan=lifespan)


async def fetch_price(client: httpx.AsyncClient, sku: str) -> float:
    async with _supplier_slots:
        response = await client.get(f"{SUPPLIER_API}/prices/{sku}")
    response.raise_for_status()
    return float(response.json()["price"])


@app.post("/quotes")
async def quotes(skus: list[str], request: Request) -> dict[str, float]:
    client = request.app.state.supplier
    prices = await asyncio.gather(*(fetch_price(client, sku) for sku in skus))
    quoted = dict(zip(skus, prices))
    await store.save_prices(quoted)
    return quoted
