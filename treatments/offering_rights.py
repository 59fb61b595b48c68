"""Who may offer and withdraw library treatments, and at which clinics.

Editors (any holder of `treatments.offer_treatment`, and superusers) act at
every clinic. A clinic's managers (the "Clinic managers: <clinic>" group,
which holds its page permissions on that clinic's page, cms/editorial/roles.py)
act at that clinic only. Nobody else acts anywhere. The rule is ours rather
than Wagtail's page permissions because editors hold no rights on clinic trees
and managers must not add or delete pages there: offering goes through
treatments/offering_actions.py, never through the page tree.

`clinics_user_may_manage` costs one query at most (none for editors once
Django has cached the user's permissions), whatever the number of clinics.
"""

from wagtail.models import GroupPagePermission

from cms.editorial.groups import CLINIC_MANAGERS_PREFIX

OFFER_PERMISSION = "treatments.offer_treatment"
CLINIC_DEPTH = 2


def may_offer_everywhere(user):
    return bool(user.is_active and (user.is_superuser or user.has_perm(OFFER_PERMISSION)))


def managed_clinic_ids(user):
    """Ids of the clinics whose managers' group `user` belongs to.

    One query, kept on the user object for the rest of the request (as Django
    keeps a user's permissions), so the view, its filters and its rows share it.
    """
    if not user.is_active or not user.is_authenticated:
        return set()
    if not hasattr(user, "_managed_clinic_ids"):
        permissions = GroupPagePermission.objects.filter(
            group__user=user,
            group__name__startswith=CLINIC_MANAGERS_PREFIX,
            page__depth=CLINIC_DEPTH,
        )
        user._managed_clinic_ids = frozenset(permissions.values_list("page_id", flat=True))
    return user._managed_clinic_ids


def clinics_user_may_manage(user, clinics):
    """The clinics among `clinics` where `user` may offer and withdraw treatments."""
    clinics = list(clinics)
    if may_offer_everywhere(user):
        return clinics
    managed = managed_clinic_ids(user)
    return [clinic for clinic in clinics if clinic.pk in managed]


def may_manage_offerings(user, clinic):
    return bool(clinics_user_may_manage(user, [clinic]))


def may_manage_any_offerings(user):
    return may_offer_everywhere(user) or bool(managed_clinic_ids(user))
