"""The project's URLs plus a bare Django JSON view: the ceiling on this machine."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns


def bare_json(request):
    return JsonResponse({"ok": True, "items": [{"id": 1, "title": "Bare Django"}]})


urlpatterns = [path("bench/json", bare_json), *project_urlpatterns]
