"""Wagtail 8's API v3 mounted for the evidence tests only; the project does not mount it."""

from django.urls import path
from wagtail.api.v3.urls import api

urlpatterns = [path("api/v3/", api.urls)]
