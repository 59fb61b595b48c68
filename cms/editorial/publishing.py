"""Who may publish a treatment page directly: clinical reviewers and superusers, nobody else.

Clinical content goes live through the Clinical review workflow. Wagtail lets
anyone holding the page "publish" permission publish directly, past the
workflow; clinic managers hold it on their clinic's whole tree (for the
clinic's facts), which covers the clinic's treatment pages too. So publishing a
treatment page, or creating (or copying) one straight into a treatments index
as published, also asks that the user be a clinical reviewer: a member of a
group of an active `ClinicalReviewTask` (or a superuser). Everyone else's
"Publish" button is gone and a crafted `action-publish` saves a draft; they
submit to Clinical review, whose approval publishes (cms/editorial/finish.py).

Unpublishing, privacy and unscheduling keep Wagtail's rule: they put no new
content on a public surface. The reviewer check costs one query per user and
request (cached on the user, as Wagtail caches its page permissions).
"""

from .models import ClinicalReviewTask
from .permissions import ClinicTreePermissionTester

_CACHE_ATTR = "_clinic_cms_is_clinical_reviewer"


def is_clinical_reviewer(user):
    """Whether `user` approves in Clinical review (superusers do everything)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = ClinicalReviewTask.objects.filter(active=True, groups__user=user).exists()
        setattr(user, _CACHE_ATTR, cached)
    return cached


class TreatmentPublishingRules:
    """For a PagePermissionTester of treatment pages: publishing directly is for clinical reviewers.

    A mixin, so it stacks on any other tester (`class T(TreatmentPublishingRules, Other)`).
    """

    def can_publish(self):
        return super().can_publish() and is_clinical_reviewer(self.user)

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and super().can_publish()

    def can_unschedule(self):
        return super().can_unschedule() and super().can_publish()


class TreatmentIndexPublishingRules:
    """For a tester of treatments indexes: a new treatment goes live directly for reviewers only."""

    def can_publish_subpage(self):
        return super().can_publish_subpage() and is_clinical_reviewer(self.user)


class TreatmentPermissionTester(TreatmentPublishingRules, ClinicTreePermissionTester):
    pass


class TreatmentIndexPermissionTester(TreatmentIndexPublishingRules, ClinicTreePermissionTester):
    pass


class TreatmentPublishingMixin:
    """Page model mixin: TreatmentPage's permissions follow TreatmentPublishingRules."""

    def permissions_for_user(self, user):
        return TreatmentPermissionTester(user, self)


class TreatmentIndexPublishingMixin:
    """Page model mixin: TreatmentIndexPage's permissions follow TreatmentIndexPublishingRules."""

    def permissions_for_user(self, user):
        return TreatmentIndexPermissionTester(user, self)
