"""A background worker with the classic task-lifecycle mistakes."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def heartbeat(interval: float) -> None:
    while True:
        log.info("alive")
        await asyncio.sleep(interval)


async def handle(job: dict) -> None:
    try:
        await asyncio.sleep(job.get("delay", 0))
    except asyncio.CancelledError:
        log.warning("job %s cancelled", job["id"])  # cancellation swallowed


async def main(jobs: list[dict]) -> None:
    asyncio.create_task(heartbeat(5.0))  # task reference dropped
    for job in jobs:
        await handle(job)  # independent jobs awaited one by one
    asyncio.sleep(1)  # coroutine never awaited


if __name__ == "__main__":
    asyncio.run(main([{"id": n, "delay": 0.01} for n in range(3)]))
