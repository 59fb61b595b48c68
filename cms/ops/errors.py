"""The answer when the database does not: a 503 with Retry-After, whatever layer noticed.

`DatabaseUnavailableMiddleware` (cms/delivery/middleware.py) turns a view's
database error into this response. Errors raised outside the view, in a
middleware (Wagtail's redirect lookup on a 404, sessions, sign-in
throttling), never reach it: Django turns them into a 500 at that layer by
calling `handler500`, which is `server_error` here, so it answers the same
503 for them and Django's own page for everything else.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = "5"

logger = logging.getLogger("cms.delivery")


def database_unavailable(request, exception):
    logger.error("database unavailable: %s", exception)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"message": "the service is briefly unavailable; retry shortly"}, status=503
        )
    else:
        response = HttpResponse(
            "Service briefly unavailable; please retry shortly.",
            status=503,
            content_type="text/plain",
        )
    response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: Django calls it with the exception being handled (sys.exc_info)."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable(request, exception)
    return defaults.server_error(request, template_name)
