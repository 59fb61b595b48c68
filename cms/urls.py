from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from cms.ops.health import healthz
from cms.ops.password_throttle import throttled
from search import views as search_views

# A database error outside the view (a middleware's query) is a 503 too (cms/ops/errors.py).
handler500 = "cms.ops.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # load balancer and monitoring probe
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's view-restriction password forms, throttled (cms/ops/password_throttle.py):
    # the same paths and names as Wagtail's own, matched first.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled("collection-restriction", "restriction_id")(
            wagtaildocs_serve.authenticate_with_password
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled("page-restriction", "page_view_restriction_id")(
            wagtail_views.authenticate_with_password
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("cms.openapi.urls")),  # openapi.json, ahead of the endpoints
    path("api/v2/", include("cms.api.urls")),
    path("search/", search_views.search, name="search"),
    path("", include("cms.seo.urls")),  # robots.txt, sitemap.xml, tags/<slug>/
]

if settings.DEBUG:
    # Images only: documents leave through /documents/<id>/<file> (cms/ops/media.py).
    from cms.ops.media import public_media_urls

    urlpatterns += public_media_urls()

urlpatterns += [path("", include(wagtail_urls))]
