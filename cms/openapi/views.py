"""GET /api/v2/openapi.json: the document, built once per process from the code."""

import functools
import hashlib
import json

from django.http import HttpResponse
from django.views.decorators.http import condition, require_safe

from .document import build_document


@functools.cache
def document_bytes():
    return json.dumps(build_document(), separators=(",", ":")).encode()


def _etag(request):
    return '"' + hashlib.sha256(document_bytes()).hexdigest()[:32] + '"'


@require_safe
@condition(etag_func=_etag)
def openapi_json(request):
    response = HttpResponse(document_bytes(), content_type="application/json")
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"  # typed clients generate code from it anywhere
    return response
