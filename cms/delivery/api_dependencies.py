"""What an API response showed, recorded for the response cache (see dependencies.py)."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.request import django_request

from .declarations import DeclaresCacheKeys
from .dependencies import depend_on, valid_until
from .keys import CLINICS, DOCUMENTS, IMAGES, TAGS, document_key, image_key, page_key, site_key

# Endpoint-wide keys: what the endpoint lists can change even when no object was noted.
ENDPOINT_KEYS = {"images": IMAGES, "documents": DOCUMENTS, "clinic": CLINICS, "tags": TAGS}


class UnknownCacheDependencies(TypeError):
    """An API response showed an object whose dependency keys nothing declares."""


def object_dependencies(obj, request, allow_queries=True):
    """The keys of one object an API response showed (see declarations.py)."""
    if isinstance(obj, Page):
        keys = {page_key(obj.pk)}
        if isinstance(obj, DeclaresCacheKeys):
            keys |= obj.api_cache_dependencies(request, allow_queries)
        return keys
    if isinstance(obj, DeclaresCacheKeys):
        return obj.api_cache_dependencies(request, allow_queries)
    if isinstance(obj, get_image_model()):
        return {image_key(obj.pk), IMAGES}
    if isinstance(obj, get_document_model()):
        return {document_key(obj.pk), DOCUMENTS}
    # Cached without its keys, the response would never be refreshed when the object changes.
    raise UnknownCacheDependencies(
        f"{type(obj).__name__} objects declare no cache dependency keys: "
        "inherit cms.delivery.declarations.DeclaresCacheKeys and declare them"
    )


def api_dependencies(view, objects):
    site = getattr(view, "site", None)
    listing = getattr(view, "action", "") == "listing_view"
    keys = {site_key(site.pk)} if site is not None and listing else set()
    for obj in objects:
        keys |= object_dependencies(obj, view.request, allow_queries=not listing)
    if view.name in ENDPOINT_KEYS:
        keys.add(ENDPOINT_KEYS[view.name])
    if view.name == "tags" and site is not None:
        keys.add(site_key(site.pk))  # usage counts on this site follow its publishes
    return keys


class RecordCacheDependenciesMixin:
    """For API viewsets: note the objects served and record their keys on a 200."""

    _served_objects = ()

    def note_served(self, objects):
        self._served_objects = list(objects)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        action = getattr(self, "action", None)
        inner = django_request(request)
        if response.status_code == 200 and action in ("listing_view", "detail_view"):
            depend_on(inner, *api_dependencies(self, self._served_objects))
            valid_until(
                inner,
                *(getattr(obj, "expire_at", None) for obj in self._served_objects),
            )
        elif response.status_code == 302 and action == "find_view" and getattr(self, "site", None):
            # Where a path leads changes only when a page of this site moves, is
            # renamed, published or unpublished: each bumps site:<id>.
            depend_on(inner, site_key(self.site.pk))
        return response
