"""Say what a review action did: "Changes requested", "Approved and published".

Wagtail's edit view answers every workflow action with "Page has been
updated" and its dashboard modal says nothing at all, so a reviewer who
clicked "Request changes" cannot tell it worked or who is told. Treatment
pages (the only pages under Clinical review) get a page viewset whose edit
and workflow-action views add one clear message, from the task state the
action finished.
"""

from django.contrib import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "the submitter"


def review_action_message(page, task_state, user):
    """The confirmation for `task_state` once `user` finished it, or "" if it is still open."""
    task_state.refresh_from_db()
    title = page.get_admin_display_title()
    requester = task_state.workflow_state.requested_by
    notified = requester is not None and requester != user and requester.email
    if task_state.status == TaskState.STATUS_REJECTED:
        told = f" {_name(requester)} is notified by email" if notified else ""
        comment = " with your comment" if notified and task_state.comment else ""
        return f"Changes requested on '{title}'.{told}{comment}{'.' if told else ''}"
    if task_state.status == TaskState.STATUS_APPROVED:
        page.refresh_from_db(fields=["live", "has_unpublished_changes"])
        done = (
            "approved and published"
            if page.live and not page.has_unpublished_changes
            else "approved"
        )
        return f"'{title}' {done}: the clinical review is signed with your name."
    return ""


class ReviewEditView(EditView):
    def perform_workflow_action(self):
        self.finished_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        task_state = getattr(self, "finished_task_state", None)
        message = task_state and review_action_message(self.page, task_state, self.request.user)
        if message:
            messages.success(self.request, message)
        else:
            super().add_save_confirmation_message()


class ReviewWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        message = review_action_message(self.object, self.task_state, request.user)
        if message:
            messages.success(request, message)
        return response


class ReviewedPageViewSet(PageViewSet):
    edit_view_class = ReviewEditView
    workflow_action_view_class = ReviewWorkflowActionView
