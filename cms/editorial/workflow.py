"""The "Clinical review" workflow, on the treatment library and on every clinic's treatments index.

Wagtail applies the nearest assigned workflow, so every treatment page (a
library original, or a clinic's local copy converted from an alias) goes
through it; clinic pages themselves keep Wagtail's default. Indexes created
later (by offering at a clinic that had none, or by hand under a new clinic)
get it from a `post_save` signal (cms/editorial/signals.py).
"""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from treatments.models import TreatmentIndexPage

from .models import ClinicalReviewTask

WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"


@transaction.atomic
def ensure_clinical_review_workflow(library, reviewers):
    """One active workflow with one ClinicalReviewTask for `reviewers`, on every treatments index.

    `library` (the brand's index) is assigned first, whatever its type.
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
    for index in TreatmentIndexPage.objects.exclude(pk=library.pk).filter(alias_of__isnull=True):
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def clinical_review_workflow():
    """The active Clinical review workflow, or None before setup_editorial made it."""
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def assign_clinical_review(index):
    """Put a treatments index (a new clinic's, say) under Clinical review, once it exists."""
    workflow = clinical_review_workflow()
    if workflow is not None and index.alias_of_id is None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow
