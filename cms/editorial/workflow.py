"""The "Clinical review" workflow on the treatment library."""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from .models import ClinicalReviewTask

WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"


@transaction.atomic
def ensure_clinical_review_workflow(library, reviewers):
    """One active workflow with one ClinicalReviewTask for `reviewers`, on the library page.

    Wagtail applies the nearest assigned workflow, so every treatment under the
    library goes through it; clinic pages keep Wagtail's default.
    """
    task = ClinicalReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ClinicalReviewTask.objects.create(name=TASK_NAME)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(reviewers)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    return workflow
