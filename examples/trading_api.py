"""A Flask trading API that bridges into asyncio the costly way.

Every request creates an event loop, runs one coroutine on it and throws it away: the loop, its
selector and its default executor are rebuilt per request, connection pools cannot be shared,
and the web worker is blocked for the whole exchange anyway.
"""
import asyncio

import aiohttp
from flask import Flask, jsonify

app = Flask(__name__)
EXCHANGE = "https://quotes.example.com"


async def fetch_quote(session: aiohttp.ClientSession, symbol: str) -> float:
    async with session.get(f"{EXCHANGE}/{symbol}") as response:
        payload = await response.json()
        return float(payload["price"])


async def fetch_quotes(symbols: list[str]) -> dict[str, float]:
    async with aiohttp.ClientSession() as session:
        prices = await asyncio.gather(*(fetch_quote(session, s) for s in symbols))
    return dict(zip(symbols, prices))


@app.route("/quote/<symbol>")
def quote(symbol: str):
    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(fetch_quotes([symbol]))
    return jsonify(result)


@app.route("/portfolio")
def portfolio():
    symbols = ["AAPL", "MSFT", "GOOG"]
    return jsonify(asyncio.run(fetch_quotes(symbols)))


def latest_prices(symbols: list[str]) -> dict[str, float]:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch_quotes(symbols))
    finally:
        loop.close()


@app.route("/watchlist")
def watchlist():
    return jsonify(latest_prices(["NVDA", "AMD"]))
