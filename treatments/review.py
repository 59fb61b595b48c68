"""Clinical review: who approved a page's claims, when, and when it is due again."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class ClinicalReviewMixin(models.Model):
    """Abstract fields and panel for a page whose clinical claims are reviewed."""

    reviewer_name = models.CharField(max_length=120, blank=True)
    reviewer_credentials = models.CharField(
        max_length=120, blank=True, help_text="For example: PT, MScPT, registered physiotherapist."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(
        null=True, blank=True, help_text="Must follow the review date."
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reviewer_name"), FieldPanel("reviewer_credentials")]),
                FieldRowPanel([FieldPanel("reviewed_on"), FieldPanel("next_review_due")]),
            ],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def clean(self):
        super().clean()
        errors = {}
        if self.next_review_due and not self.reviewed_on:
            errors["reviewed_on"] = "Enter the date of the review before setting the next one."
        elif self.next_review_due and self.next_review_due <= self.reviewed_on:
            errors["next_review_due"] = "The next review must be due after the review date."
        if self.reviewed_on and not self.reviewer_name:
            errors["reviewer_name"] = "Name the reviewer of this review."
        if errors:
            raise ValidationError(errors)
