"""Locks that guard the service's in-memory state."""
import asyncio

cache_lock = asyncio.Lock()
history_lock = asyncio.Lock()
