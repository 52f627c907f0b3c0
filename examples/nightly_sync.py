"""A nightly job that syncs orders in batches, and the mistakes it makes with event loops."""
import asyncio
import threading

loop = asyncio.get_event_loop()


async def push_batch(batch: list[int]) -> int:
    await asyncio.sleep(0.01)
    return len(batch)


async def push_with_deadline(batch: list[int]) -> int:
    current = asyncio.get_event_loop()
    return await asyncio.wait_for(push_batch(batch), timeout=current.time() + 30)


def push_now(batch: list[int]) -> int:
    return asyncio.run(push_batch(batch))


async def resync(batch: list[int]) -> int:
    return push_now(batch)


def sync_all(batches: list[list[int]]) -> int:
    pushed = 0
    for batch in batches:
        pushed += asyncio.run(push_batch(batch))
    return pushed


def serve_in_thread() -> None:
    worker_loop = asyncio.new_event_loop()
    asyncio.set_event_loop(worker_loop)
    worker_loop.run_forever()


if __name__ == "__main__":
    threading.Thread(target=serve_in_thread, daemon=True).start()
    print(sync_all([[1, 2], [3]]))
