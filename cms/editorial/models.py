"""The clinical review task, reviewers' credentials and the reminder log."""

from django.conf import settings
from django.db import models
from wagtail.models import AbstractGroupApprovalTask, TaskState


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A group approval whose approval also signs the page's clinical review fields.

    Approving writes the reviewer, today's date and the next due date into a new
    revision before Wagtail publishes the latest revision, so the published page
    names who approved its claims.
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and task_state.status == TaskState.STATUS_IN_PROGRESS:
            from .review import sign_review

            sign_review(task_state.workflow_state.content_object, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve clinical claims; approval records the review."

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"


class ReviewerProfile(models.Model):
    """How a reviewer signs a review: the credentials printed next to their name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    credentials = models.CharField(
        max_length=120, blank=True, help_text="For example: PT, MScPT, registered physiotherapist."
    )

    class Meta:
        verbose_name = "reviewer profile"

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()}, {self.credentials}"


class ReminderRun(models.Model):
    """One row per day the review reminders went out, so a restart never sends twice."""

    sent_on = models.DateField(unique=True)
    pages = models.PositiveIntegerField(default=0)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_on"]

    def __str__(self):
        return f"{self.sent_on}: {self.pages} pages to {self.recipients} reviewers"
