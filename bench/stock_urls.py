"""Stock Wagtail: its default v2 router and PagesAPIViewSet, and wagtail_urls for pages."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from bench.urls import bare_json

stock_router = WagtailAPIRouter("stock_api")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/json", bare_json),
    path("api/v2/", stock_router.urls),
    path("", include(wagtail_urls)),
]
