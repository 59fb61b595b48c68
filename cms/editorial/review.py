"""Signing a clinical review: who approved a page's claims, when, and when it is due again."""

import datetime

from django.conf import settings
from django.utils import timezone

from treatments.review import clinical_digest


def review_interval():
    return datetime.timedelta(days=settings.CLINICAL_REVIEW_INTERVAL_DAYS)


def reviewer_identity(user):
    """The name and credentials a review is signed with (credentials from ReviewerProfile)."""
    name = user.get_full_name().strip() or user.get_username()
    profile = getattr(user, "reviewer_profile", None)
    return name, (profile.credentials if profile else "")


def sign_review(page, user):
    """Save a revision of `page` carrying the reviewer's signature; return it.

    Pages without clinical review fields are left alone (None). The new revision
    becomes the latest, which is the one the workflow publishes.
    """
    draft = page.specific.get_latest_revision_as_object()
    if not hasattr(draft, "next_review_due"):
        return None
    today = timezone.localdate()
    draft.reviewer_name, draft.reviewer_credentials = reviewer_identity(user)
    draft.reviewed_on = today
    draft.next_review_due = today + review_interval()
    draft.review_digest = clinical_digest(draft)  # the stamp holds for this content only
    # The content already passed validation when it was submitted.
    revision = draft.save_revision(user=user, changed=False, clean=False)
    # The workflow publishes `page.get_latest_revision()`: point the caller's instance at it.
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    return revision
