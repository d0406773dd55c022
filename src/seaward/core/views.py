from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from seaward.core import dashboard
from seaward.core.access import member_required


@member_required()
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return render(request, "core/dashboard.html", {"cards": dashboard.cards(request)})


def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and `seaward serve` checks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})
