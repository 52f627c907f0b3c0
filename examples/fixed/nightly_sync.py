"""The nightly job with one event loop, started once at the entry point."""
import asyncio
import threading


async def push_batch(batch: list[int]) -> int:
    await asyncio.sleep(0.01)
    return len(batch)


async def push_with_deadline(batch: list[int]) -> int:
    async with asyncio.timeout(30):
        return await push_batch(batch)


async def sync_all(batches: list[list[int]]) -> int:
    pushed = 0
    for batch in batches:
        pushed += await push_with_deadline(batch)
    return pushed


def serve_in_thread() -> None:
    worker_loop = asyncio.new_event_loop()
    asyncio.set_event_loop(worker_loop)
    try:
        worker_loop.run_forever()
    finally:
        worker_loop.close()


def main() -> None:
    threading.Thread(target=serve_in_thread, daemon=True).start()
    print(asyncio.run(sync_all([[1, 2], [3]])))


if __name__ == "__main__":
    main()
