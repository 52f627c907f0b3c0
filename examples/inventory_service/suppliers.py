"""Helpers written for the old synchronous version of the service, still called from coroutines."""
import requests

SUPPLIER_API = "https://suppliers.example.com"


def fetch_json(path: str) -> dict:
    response = requests.get(f"{SUPPLIER_API}/{path}", timeout=10)
    response.raise_for_status()
    return response.json()


def supplier_stock(sku: str) -> int:
    return int(fetch_json(f"stock/{sku}")["available"])
