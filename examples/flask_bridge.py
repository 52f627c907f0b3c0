"""A Flask view that bridges into asyncio the costly way: a new event loop per request."""
import asyncio
import time

import aiohttp
from flask import Flask, jsonify

app = Flask(__name__)


async def fetch_price(session: aiohttp.ClientSession, symbol: str) -> float:
    async with session.get(f"https://prices.example.com/{symbol}") as response:
        payload = await response.json()
        time.sleep(0.1)  # blocks the whole event loop
        return float(payload["price"])


async def fetch_all(symbols: list[str]) -> dict[str, float]:
    async with aiohttp.ClientSession() as session:
        prices = await asyncio.gather(*(fetch_price(session, s) for s in symbols))
    return dict(zip(symbols, prices))


@app.route("/prices")
def prices():
    loop = asyncio.new_event_loop()  # a loop per request, never closed
    result = loop.run_until_complete(fetch_all(["AAPL", "MSFT", "GOOG"]))
    return jsonify(result)
