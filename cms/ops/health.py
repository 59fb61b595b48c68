"""`/healthz`: is this app instance able to serve? Checks the database and the cache.

Cheap (one `SELECT 1`, one cache set/get/delete), never cached, no authentication.
`?check=database` limits it to the named checks: a load balancer should probe
only the database, because the site keeps serving from the database when the
cache is down (see docs/deploy.md), while monitoring watches the full check.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from .excerpt import excerpt

logger = logging.getLogger(__name__)


class CheckFailed(Exception):
    """A check ran without raising but saw a wrong answer."""


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if row is None or row[0] != 1:
        raise CheckFailed("SELECT 1 did not return 1")


def check_cache():
    # django-redis with IGNORE_EXCEPTIONS swallows a Redis outage: set/get then
    # silently return None, so the value read back is what proves the cache works.
    key = f"ops:healthz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise CheckFailed("the value written was not read back")
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def _describe(exc):
    # The class name only: the message may hold hostnames or credentials, and
    # this endpoint is public. The full error goes to the log.
    return type(exc).__name__


def _requested_checks(request):
    names = request.GET.getlist("check") or list(CHECKS)
    unknown = [name for name in names if name not in CHECKS]
    return names, unknown


@require_safe
def healthz(request):
    names, unknown = _requested_checks(request)
    if unknown:
        response = JsonResponse(
            {
                "message": f"unknown check: {excerpt(', '.join(unknown))} (checks: {', '.join(CHECKS)})"
            },
            status=400,
        )
        add_never_cache_headers(response)
        return response
    results, failed = {}, []
    for name in names:
        try:
            CHECKS[name]()
        except Exception as exc:  # any failure is an answer, never a 500
            logger.warning("health check %s failed", name, exc_info=True)
            results[name] = {"ok": False, "error": _describe(exc)}
            failed.append(name)
        else:
            results[name] = {"ok": True}
    body = {"status": "fail" if failed else "ok", "checks": results}
    if failed:
        body["failed"] = failed
    response = JsonResponse(body, status=503 if failed else 200)
    add_never_cache_headers(response)
    return response
