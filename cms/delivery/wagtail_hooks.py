"""Record what each served page shows, so the response cache can keep it exactly as long as valid."""

from django.http import Http404
from django.utils.http import http_date
from wagtail import hooks

from cms.visibility import is_expired

from . import dependencies
from .declarations import SERVED_PAGE_KEYS_HOOK
from .dependencies import depend_on, valid_until
from .keys import DOCUMENTS, IMAGES, document_keys, image_keys
from .page_dependencies import page_dependencies


def served_page_dependencies(page, request):
    """The served page's keys (its type's declaration) and those of what surrounds it."""
    keys = page_dependencies(page, request)
    for fn in hooks.get_hooks(SERVED_PAGE_KEYS_HOOK):
        keys |= fn(page, request)
    return keys


@hooks.register("before_serve_page")
def hide_expired_page(page, request, serve_args, serve_kwargs):
    """A page past its expiry date is gone at once, not when the scheduler next runs."""
    if is_expired(page):
        raise Http404
    if hasattr(page, "remember_view_restrictions"):
        page.remember_view_restrictions()  # one query for every check while serving


@hooks.register("on_serve_page")
def record_page_dependencies(callback):
    def serve(page, request, serve_args, serve_kwargs):
        response = callback(page, request, serve_args, serve_kwargs)
        if getattr(request, "is_preview", False) or response.status_code != 200:
            return response
        if page.get_view_restrictions():
            return response  # private pages are never cached
        depend_on(request, *served_page_dependencies(page, request))
        valid_until(request, page.expire_at)
        if page.last_published_at and not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(page.last_published_at.timestamp())
        return response

    return serve


@hooks.register("after_bulk_action")
def invalidate_media_moved_in_bulk(request, action_type, objects, action):
    """Wagtail's bulk "Add to collection" moves images and documents with `QuerySet.update`,
    so no post_save reaches the handlers in invalidation.py: bump what moved here."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if action_type != "add_to_collection":
        return None
    if action.model is get_image_model():
        dependencies.bump(IMAGES, *image_keys(item.pk for item in objects))
    elif action.model is get_document_model():
        dependencies.bump(DOCUMENTS, *document_keys(item.pk for item in objects))
    return None
