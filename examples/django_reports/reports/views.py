"""Django views that call async report builders from sync views."""
import asyncio

from django.http import JsonResponse

from .builders import build_report


def report(request, report_id: int):
    data = asyncio.run(build_report(report_id))
    return JsonResponse(data)


def refresh(request):
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        data = loop.run_until_complete(build_report(0))
    finally:
        loop.close()
    return JsonResponse(data)
