"""Mounted at /api/v2/ by cms/urls.py; unknown paths under it get a JSON 404."""

from django.http import JsonResponse
from django.urls import re_path

from cms.ops.excerpt import excerpt

from .router import api_router

app_name = api_router.url_namespace


def unknown_endpoint(request, rest):
    endpoints = ", ".join(f"{name}/" for name in api_router._endpoints)
    return JsonResponse(
        {"message": f"unknown endpoint: /api/v2/{excerpt(rest)} (endpoints: {endpoints})"},
        status=404,
    )


urlpatterns = [*api_router.get_urlpatterns(), re_path(r"^(?P<rest>.*)$", unknown_endpoint)]
