"""Bad input becomes a 400 (or 404) JSON answer that names the problem, never a 500."""

from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from cms.ops.excerpt import excerpt, shorten_echoes

__all__ = ["BadRequestError", "JsonErrorsMixin", "parse_id"]

# Ids travel as 64-bit integers in both SQLite and PostgreSQL.
MAX_ID = 2**63 - 1


def parse_id(value, name="id"):
    """A positive database id from user input, or a BadRequestError naming `name`."""
    text = str(value)
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise BadRequestError(f"{name} must be a positive integer, got {excerpt(text)!r}")
    return int(text)


class JsonErrorsMixin:
    """Answers errors in the API's own `{"message": ...}` shape, quoting input by its start."""

    def handle_exception(self, exc):
        response = self._error_response(exc)
        if isinstance(response.data, dict) and isinstance(response.data.get("message"), str):
            response.data["message"] = shorten_echoes(response.data["message"], self.request)
        return response

    def _error_response(self, exc):
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValidationError):
            # A filter value the model field cannot parse (a date, a decimal...).
            message = "; ".join(exc.messages)
            return Response(
                {"message": f"invalid filter value: {message}"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, DataError):
            # A value the field accepts but the database cannot store, e.g. a date-time
            # whose offset is beyond PostgreSQL's +/-15:59. The SQL is not echoed.
            return Response(
                {"message": "invalid filter value: out of range for the database"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        return super().handle_exception(exc)
