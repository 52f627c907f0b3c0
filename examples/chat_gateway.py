"""A FastAPI chat gateway: WebSocket rooms, message history from a backend, presence, heartbeats."""
import asyncio
import threading

import aiohttp
from fastapi import FastAPI, WebSocket

app = FastAPI()
HISTORY_URL = "http://history.internal/rooms/{room}"

_presence_lock = threading.Lock()
_presence = {}
_rooms = {}


async def format_message(user, text):
    return {"type": "message", "user": user, "text": text.strip()[:500]}


async def fetch_history(session, room, timeout=None):
    return await asyncio.wait_for(_get_json(session, HISTORY_URL.format(room=room)), timeout)


async def _get_json(session, url):
    async with session.get(url) as response:
        return await response.json()


async def broadcast(room, message):
    for peer in list(_rooms.get(room, ())):
        await peer.send_json(message)


async def mark_online(room, user):
    with _presence_lock:
        _presence[user] = _presence.get(user, 0) + 1
    await broadcast(room, {"type": "presence", "user": user})


async def send_history(websocket, room):
    session = aiohttp.ClientSession()
    history = await fetch_history(session, room, timeout=5)
    await websocket.send_json(history)
    await session.close()


@app.websocket("/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str, user: str):
    await websocket.accept()
    _rooms.setdefault(room, set()).add(websocket)
    await mark_online(room, user)
    await send_history(websocket, room)
    while True:
        text = await websocket.receive_text()
        await broadcast(room, await format_message(user, text))


class Heartbeat:
    def __init__(self, interval):
        self.interval = interval
        self._task = None

    def start(self):
        self._task = asyncio.create_task(self._run())

    async def _run(self):
        while True:
            await asyncio.sleep(self.interval)
            for room in list(_rooms):
                await broadcast(room, {"type": "ping"})

    async def stop(self):
        self._task.cancel()


heartbeat = Heartbeat(30)


@app.on_event("startup")
async def start_heartbeat():
    heartbeat.start()


@app.on_event("shutdown")
async def stop_heartbeat():
    await heartbeat.stop()
