"""An order worker: coroutines consume a queue, a background thread flushes metrics."""
import asyncio
import logging
import threading

log = logging.getLogger(__name__)

_metrics_lock = threading.Lock()
_metrics = {"processed": 0, "failed": 0}
_charge_lock = asyncio.Lock()


def flush_metrics_forever(interval, stop):
    """Runs in a background thread: reports the counters every `interval` seconds."""
    while not stop.wait(interval):
        with _metrics_lock:
            snapshot = dict(_metrics)
        log.info("metrics %s", snapshot)


async def charge(order):
    await asyncio.sleep(0.1)  # stands for the payment provider's API
    return order["id"]


async def publish(event):
    await asyncio.sleep(0.01)  # stands for the message broker
    return event


async def process(order):
    async with _charge_lock:
        receipt = await charge(order)
    with _metrics_lock:
        _metrics["processed"] += 1
    await publish({"order": order["id"], "receipt": receipt})


async def consume(queue):
    while True:
        order = await queue.get()
        try:
            await process(order)
        except asyncio.CancelledError:
            log.warning("cancelled while processing %s", order["id"])
            raise
        except Exception:
            log.exception("order %s failed", order["id"])
        finally:
            queue.task_done()


async def main(orders):
    stop = threading.Event()
    flusher = threading.Thread(target=flush_metrics_forever, args=(10, stop), daemon=True)
    flusher.start()
    queue = asyncio.Queue()
    for order in orders:
        queue.put_nowait(order)
    workers = [asyncio.create_task(consume(queue)) for _ in range(4)]
    await queue.join()
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    stop.set()
