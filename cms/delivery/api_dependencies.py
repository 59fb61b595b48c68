"""What an API response showed, recorded for the response cache (see dependencies.py)."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import ClinicPage

from .dependencies import depend_on, valid_until
from .page_dependencies import page_dependencies


def api_dependencies(view, objects):
    site = getattr(view, "site", None)
    listing = getattr(view, "action", "") == "listing_view"
    keys = {f"site:{site.pk}"} if site is not None and listing else set()
    for obj in objects:
        if isinstance(obj, ClinicPage):
            keys |= {f"clinic:{obj.pk}", "clinics", f"page:{obj.pk}"}
        elif isinstance(obj, Page):
            keys |= page_dependencies(obj, view.request, allow_queries=not listing)
        elif isinstance(obj, get_image_model()):
            keys |= {f"image:{obj.pk}", "images"}
        elif isinstance(obj, get_document_model()):
            keys |= {f"document:{obj.pk}", "documents"}
        else:  # tags and anything else listed per site
            keys.add("tags")
    # Endpoint-wide keys: what the endpoint lists can change even when no object was noted.
    endpoint_keys = {
        "images": "images",
        "documents": "documents",
        "clinic": "clinics",
        "tags": "tags",
    }
    if view.name in endpoint_keys:
        keys.add(endpoint_keys[view.name])
    if view.name == "tags" and site is not None:
        keys.add(f"site:{site.pk}")  # usage counts on this site follow its publishes
    return keys


class RecordCacheDependenciesMixin:
    """For API viewsets: note the objects served and record their keys on a 200."""

    _served_objects = ()

    def note_served(self, objects):
        self._served_objects = list(objects)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        action = getattr(self, "action", None)
        django_request = getattr(request, "_request", request)
        if response.status_code == 200 and action in ("listing_view", "detail_view"):
            depend_on(django_request, *api_dependencies(self, self._served_objects))
            valid_until(
                django_request,
                *(getattr(obj, "expire_at", None) for obj in self._served_objects),
            )
        elif response.status_code == 302 and action == "find_view" and getattr(self, "site", None):
            # Where a path leads changes only when a page of this site moves, is
            # renamed, published or unpublished: each bumps site:<id>.
            depend_on(django_request, f"site:{self.site.pk}")
        return response
