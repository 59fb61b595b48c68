"""Admin views that show a page's content are closed to users without `seo.change_page_content`.

The page editor drops content fields for SEO staff (cms/seo/panels.py), but
Wagtail has other views that render the whole page or its content for anyone
holding page "change": the draft view, the previews, a revision's view, the
revision comparison, the revert form and the workflow task preview. SEO staff
hold "change" on the library, so each would show them the content docs/seo.md
says they never see. The view names are Wagtail 8's (pinned by
tests/seo/test_content_views.py, which fails if one stops resolving).
"""

from django.core.exceptions import PermissionDenied

CONTENT_PERMISSION = "seo.change_page_content"
CONTENT_VIEWS = frozenset(
    f"wagtailadmin_pages:{name}"
    for name in (
        "view_draft",
        "preview_on_edit",
        "preview_on_add",
        "revisions_view",
        "revisions_compare",
        "revisions_revert",
        "workflow_preview",
    )
)


class PageContentViewsMiddleware:
    """Refuses CONTENT_VIEWS (403) to a signed-in user lacking CONTENT_PERMISSION."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in CONTENT_VIEWS:
            return None
        user = request.user
        if user.is_authenticated and not user.has_perm(CONTENT_PERMISSION):
            raise PermissionDenied("Page content is not yours to see.")
        return None
