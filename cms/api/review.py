"""The clinical review fields of the page API: the stamp only while it holds.

A treatment's `review_status` is "reviewed" when its clinical content is the
content Clinical review approved (treatments/review.py) and "not_reviewed"
otherwise; the stamp fields (`reviewer_name`, `reviewer_credentials`,
`reviewed_on`, `next_review_due`) are empty strings and nulls unless reviewed,
so no client can print a review that did not happen.
"""

from rest_framework.fields import Field

REVIEW_STATUS = "review_status"
STAMP_FIELDS = ("reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due")
REVIEW_FIELDS = frozenset((REVIEW_STATUS, *STAMP_FIELDS))
# The status is computed from the body: a listing asking for it batch-loads the body too.
READS_FIELD = "body"


class _PageField(Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class ReviewStatusField(_PageField):
    def to_representation(self, page):
        return page.review_status


class ReviewTextField(_PageField):
    """reviewer_name or reviewer_credentials of a review that holds, else ""."""

    def to_representation(self, page):
        review = page.review
        return getattr(review, self.field_name) if review else ""


class ReviewDateField(_PageField):
    """reviewed_on or next_review_due of a review that holds, else null."""

    def to_representation(self, page):
        review = page.review
        return getattr(review, self.field_name).isoformat() if review else None
