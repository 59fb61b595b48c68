"""What happens when a workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default (`wagtail.workflows.publish_workflow_state`) publishes the
latest revision as the last approver, so it needs them to hold "publish" on the
page. A clinical reviewer approving a clinic's copy of a treatment holds no page
rights on that clinic: there the Clinical review approval itself is the
authority to publish. Workflows without a ClinicalReviewTask keep Wagtail's
check.

Wagtail imports this setting while defining its models, so this module imports
no models; it finds the task type by its content type's natural key.
"""

from django.contrib.contenttypes.models import ContentType

CLINICAL_REVIEW_TASK = ("editorial", "clinicalreviewtask")


def _has_clinical_review(workflow):
    task_type = ContentType.objects.get_by_natural_key(*CLINICAL_REVIEW_TASK)
    return workflow.tasks.filter(content_type=task_type, active=True).exists()


def publish_approved(workflow_state, user=None):
    """Publish the approved object's latest revision (the one the approval signed)."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(
        user=user, skip_permission_checks=_has_clinical_review(workflow_state.workflow)
    )
