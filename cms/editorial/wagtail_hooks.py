"""Admin wiring: the role dashboard panels, the reviews-due panel and report, reviewer profiles."""

from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .confirmations import ReviewedPageViewSet
from .dashboard import dashboard_panels
from .models import ReviewerProfile
from .rereview import start_rereview
from .views import ReviewsDueReportView, due_pages_for_user

PANEL_ROWS = 10


class ReviewsDuePanel(Component):
    name = "clinical_reviews_due"
    template_name = "editorial/reviews_due_panel.html"
    order = 110  # just after Wagtail's own workflow panels

    def __init__(self, pages, total):
        self.pages, self.total = pages, total

    def get_context_data(self, parent_context):
        return {
            "pages": self.pages,
            "more": self.total - len(self.pages),
            "days": settings.REVIEW_REMINDER_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    due = due_pages_for_user(request.user)
    pages = list(due[:PANEL_ROWS])
    if pages:
        total = len(pages) if len(pages) < PANEL_ROWS else due.count()
        panels.append(ReviewsDuePanel(pages, total))


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    panels.extend(dashboard_panels(request.user))


@hooks.register("register_admin_viewset")
def register_reviewed_page_viewset():
    """Treatment pages' edit and review-action views confirm what a review did."""
    from treatments.models import TreatmentPage

    return ReviewedPageViewSet("treatment_pages", model=TreatmentPage)


@hooks.register("register_admin_urls")
def register_reviews_due_urls():
    return [
        path(
            "reports/clinical-reviews-due/",
            ReviewsDueReportView.as_view(),
            name="editorial_reviews_due",
        ),
        path(
            "reports/clinical-reviews-due/results/",
            ReviewsDueReportView.as_view(results_only=True),
            name="editorial_reviews_due_results",
        ),
        path(
            "reports/clinical-reviews-due/<int:page_id>/start/",
            start_rereview,
            name="editorial_start_rereview",
        ),
    ]


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Clinical reviews due",
        reverse("editorial_reviews_due"),
        name="clinical-reviews-due",
        icon_name="warning",
        order=650,
    )


class ReviewerProfileViewSet(SnippetViewSet):
    """Superusers record each reviewer's credentials, which approvals sign with."""

    model = ReviewerProfile
    icon = "user"
    menu_label = "Reviewer profiles"
    add_to_settings_menu = True
    list_display = ["user", "credentials"]


register_snippet(ReviewerProfileViewSet)
