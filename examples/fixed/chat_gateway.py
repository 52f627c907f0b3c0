"""A FastAPI chat gateway: WebSocket rooms, message history from a backend, presence, heartbeats."""
import asyncio
import contextlib

import aiohttp
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()
HISTORY_URL = "http://history.internal/rooms/{room}"

_http: dict[str, aiohttp.ClientSession] = {}
_presence_lock = asyncio.Lock()
_presence = {}
_rooms = {}


def format_message(user, text):
    return {"type": "message", "user": user, "text": text.strip()[:500]}


async def fetch_history(session, room):
    return await _get_json(session, HISTORY_URL.format(room=room))


async def _get_json(session, url):
    async with session.get(url) as response:
        return await response.json()


async def broadcast(room, message):
    for peer in list(_rooms.get(room, ())):
        await peer.send_json(message)


async def mark_online(room, user):
    async with _presence_lock:
        _presence[user] = _presence.get(user, 0) + 1
    await broadcast(room, {"type": "presence", "user": user})


async def send_history(websocket, room):
    async with asyncio.timeout(5):
        history = await fetch_history(_http["backend"], room)
    await websocket.send_json(history)


@app.websocket("/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str, user: str):
    await websocket.accept()
    _rooms.setdefault(room, set()).add(websocket)
    try:
        await mark_online(room, user)
        await send_history(websocket, room)
        while True:
            text = await websocket.receive_text()
            await broadcast(room, format_message(user, text))
    except WebSocketDisconnect:
        pass
    finally:
        _rooms[room].discard(websocket)


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
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


heartbeat = Heartbeat(30)


@app.on_event("startup")
async def start_heartbeat():
    _http["backend"] = aiohttp.ClientSession()
    heartbeat.start()


@app.on_event("shutdown")
async def stop_heartbeat():
    await heartbeat.stop()
    await _http.pop("backend").close()
