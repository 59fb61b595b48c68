"""Included under /api/v2/ ahead of the v2 endpoints (cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [path("openapi.json", views.openapi_json, name="openapi")]
