"""Record what each served page shows, so the response cache can keep it exactly as long as valid."""

from django.utils.http import http_date
from wagtail import hooks

from .dependencies import depend_on
from .page_dependencies import page_dependencies


@hooks.register("on_serve_page")
def record_page_dependencies(callback):
    def serve(page, request, serve_args, serve_kwargs):
        response = callback(page, request, serve_args, serve_kwargs)
        if getattr(request, "is_preview", False) or response.status_code != 200:
            return response
        if page.get_view_restrictions():
            return response  # private pages are never cached
        depend_on(request, *page_dependencies(page, request))
        if page.last_published_at and not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(page.last_published_at.timestamp())
        return response

    return serve
