"""Clinical review: who approved a page's claims, when, when it is due again, and for what.

The stamp (reviewer, credentials, reviewed on, next due) is written only by the
Clinical review workflow's approval (cms/editorial/review.py), read-only in
every form, and stored with `review_digest`: a hash of the clinical content
(summary, hero image, body) the reviewer approved. A page whose live clinical
content no longer hashes to that digest (someone published a change without
approval) is *not reviewed* on every public surface: `review` is None, so the
HTML, the JSON-LD and the API name no reviewer. SEO fields, tags and the title
are not clinical content and leave the stamp alone. Aliases copy their
original's fields, digest included, so they follow its stamp.

The digest serialises the body through its blocks, without block ids, so one
content has one digest however it was saved (form, alias copy, revision); it
costs no query.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

REVIEWED = "reviewed"
NOT_REVIEWED = "not_reviewed"
REVIEW_STATUSES = (REVIEWED, NOT_REVIEWED)


def _without_ids(data):
    """Block JSON without the ids Wagtail gives blocks and list items (not content)."""
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        if "type" in data and "value" in data and set(data) <= {"type", "value", "id"}:
            if data["type"] == "item":  # a ListBlock item: the same content as a bare value
                return _without_ids(data["value"])
            return {"type": data["type"], "value": _without_ids(data["value"])}
        return {key: _without_ids(value) for key, value in data.items()}
    return data


def _stream_content(value):
    """A StreamField value as its blocks serialise it, ids left out.

    Serialising through the blocks (not the stored JSON, which may be in an older
    list format or miss defaults) gives one form for one content however it was
    saved; the blocks are the ones rendering the page already built.
    """
    if not value:
        return []
    return [_without_ids(child.get_prep_value()) for child in value if child is not None]


def clinical_digest(page):
    """SHA-256 of the page's clinical content: summary, hero image and body."""
    content = {
        "summary": (page.summary or "").replace("\r\n", "\n").strip(),
        "hero_image": page.hero_image_id,
        "body": _stream_content(page.body),
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass(frozen=True)
class ReviewStamp:
    """A clinical review that holds for the content shown."""

    reviewer_name: str
    reviewer_credentials: str
    reviewed_on: object
    next_review_due: object


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
    review_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the clinical content the review approved (clinical_digest).",
    )

    # Read-only for everyone: only the Clinical review approval writes the stamp.
    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("reviewer_name", read_only=True),
                        FieldPanel("reviewer_credentials", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("reviewed_on", read_only=True),
                        FieldPanel("next_review_due", read_only=True),
                    ]
                ),
            ],
            heading="Clinical review",
            help_text="Set by the Clinical review workflow's approval; a published change "
            "to the summary, hero image or body shows the page as not reviewed until approved.",
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_is_current(self):
        """Whether the stamp was given for exactly this clinical content."""
        if not (self.reviewed_on and self.reviewer_name and self.review_digest):
            return False
        return clinical_digest(self) == self.review_digest

    @property
    def review(self):
        """The stamp public surfaces may show, or None when the content is not reviewed."""
        if not self.review_is_current:
            return None
        return ReviewStamp(
            self.reviewer_name, self.reviewer_credentials, self.reviewed_on, self.next_review_due
        )

    @property
    def review_status(self):
        return REVIEWED if self.review_is_current else NOT_REVIEWED

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())
