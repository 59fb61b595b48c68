from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.ops.health import healthz
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # load balancer and monitoring probe
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("cms.openapi.urls")),  # openapi.json, ahead of the endpoints
    path("api/v2/", include("cms.api.urls")),
    path("search/", search_views.search, name="search"),
    path("", include("cms.seo.urls")),  # robots.txt, sitemap.xml, tags/<slug>/
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
