"""The report views as async Django views: served by an ASGI server, they await the builder on
the server's event loop."""
from django.http import JsonResponse

from .builders import build_report


async def report(request, report_id: int):
    return JsonResponse(await build_report(report_id))


async def refresh(request):
    return JsonResponse(await build_report(0))
