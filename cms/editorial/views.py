"""The "Clinical reviews due" report: treatments whose next review is within the reminder window."""

import datetime

from django.conf import settings
from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .reminders import due_for_review
from .rereview import pages_in_review, rereview_candidates


def due_pages_for_user(user, within_days=None):
    """The pages due for review that `user` may edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return due_for_review(within_days).filter(pk__in=editable.values("pk"))


class ReviewsDueReportView(PageReportView):
    page_title = "Clinical reviews due"
    header_icon = "warning"
    results_template_name = "editorial/reviews_due_results.html"
    index_url_name = "editorial_reviews_due"
    index_results_url_name = "editorial_reviews_due_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "reviewer_name",
        "reviewer_credentials",
        "reviewed_on",
        "next_review_due",
        "status_string",
    ]
    export_headings = {
        "reviewer_name": "Reviewed by",
        "reviewer_credentials": "Credentials",
        "reviewed_on": "Reviewed on",
        "next_review_due": "Next review due",
        "status_string": "Status",
    }

    def get_filename(self):
        return f"clinical-reviews-due-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        # What Wagtail's row template and the re-review column ask of each row, for all rows
        # at once (as Wagtail's own page listings do).
        self.queryset = (
            due_pages_for_user(self.request.user)
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .annotate_site_root_state()
        )
        return super().get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["reminder_days"] = settings.REVIEW_REMINDER_DAYS
        pages = list(context.get("object_list") or [])
        in_review = pages_in_review(pages)
        user = self.request.user
        # "Start re-review" (cms/editorial/rereview.py) where no review is in progress.
        context["rereview_ids"] = rereview_candidates(user, pages, in_review)
        context["in_review_ids"] = in_review
        return context
