"""The approval email carries the reviewer's comment and a link into the admin.

Wagtail's "approved" email names the page and its public URL only; the
rejection email already carries the comment and an absolute admin link
(`WAGTAILADMIN_BASE_URL`). This notifier adds the approving task state, so
the overridden templates (templates/wagtailadmin/notifications/) can say who
approved, what they wrote and where to edit the page.
"""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved

DISPATCH_UID = "workflow_state_approved_email_notification"  # Wagtail's own, replaced


class ApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = (
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .select_related("finished_by")
            .order_by("-finished_at", "-pk")
            .first()
        )
        context["task_state"] = task_state
        context["comment"] = task_state.comment if task_state else ""
        return context


approval_email_notifier = ApprovalEmailNotifier()


def connect():
    """Replace Wagtail's approval notifier, whichever app's ready() runs first."""
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=DISPATCH_UID)
    workflow_approved.connect(
        approval_email_notifier, sender=WorkflowState, dispatch_uid=DISPATCH_UID
    )
