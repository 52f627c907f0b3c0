"""The supplier client, async: one shared `httpx.AsyncClient` for the application."""
import httpx

SUPPLIER_API = "https://suppliers.example.com"
client = httpx.AsyncClient(base_url=SUPPLIER_API, timeout=10)


async def fetch_json(path: str) -> dict:
    response = await client.get(f"/{path}")
    response.raise_for_status()
    return response.json()


async def supplier_stock(sku: str) -> int:
    return int((await fetch_json(f"stock/{sku}"))["available"])
