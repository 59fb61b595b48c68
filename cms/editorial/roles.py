"""Editorial roles as Wagtail groups and page permissions.

- Editors: write treatments in the library (add, edit, lock). They cannot
  publish: a treatment goes live only when a clinical reviewer approves it.
  They offer and withdraw library treatments at every clinic
  (`treatments.offer_treatment`, see treatments/offering_rights.py).
- Clinical reviewers: approve or reject treatments in the Clinical review
  workflow; they may also edit and publish in the library, and the clinic
  copies under every clinic's treatments index (granted on each index, and on
  each new index as Offer creates it: cms/editorial/signals.py).
- Clinic managers: <clinic>: one group per clinic, editing and publishing that
  clinic's page (its facts and hours) and nothing outside that clinic; they
  offer and withdraw library treatments at that clinic only. Their rights,
  granted on the clinic page, stop there: cms/editorial/permissions.py keeps
  them from the clinic's treatment pages and from taking the site down.

Every function here is idempotent: it sets exactly the permissions listed,
removing any others (Wagtail's own first migration gives "Editors" rights on
the whole tree, which would reach every clinic).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.functions import Substr
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .groups import CLINIC_MANAGERS_PREFIX, CLINICAL_REVIEWERS, EDITORS

LIBRARY_PAGE_PERMISSIONS = {
    EDITORS: ("add", "change", "lock"),
    CLINICAL_REVIEWERS: ("change", "publish", "lock", "unlock"),
}
CLINIC_PAGE_PERMISSIONS = ("change", "publish", "lock")
# Clinical reviewers' rights on the clinic copies, granted on each clinic's treatments index.
CLINIC_COPY_PERMISSIONS = {CLINICAL_REVIEWERS: ("change", "publish", "lock", "unlock")}
# Model-wide permissions beyond admin access, as (app label, codename).
MODEL_PERMISSIONS = {EDITORS: (("treatments", "offer_treatment"),)}
# Images and documents editors and reviewers may use in treatment pages.
COLLECTION_PERMISSIONS = {
    EDITORS: ("add_image", "change_image", "choose_image", "add_document", "choose_document"),
    CLINICAL_REVIEWERS: ("choose_image", "choose_document"),
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(kind):
    return _permission("wagtailcore", f"{kind}_page")


def _grant_admin_access(group, extra=()):
    """Admin access, page-content editing and `extra` as the group's only model-wide permissions.

    Image and document rights go by collection. Content editing is
    `seo.change_page_content` (cms/seo/panels.py guards content fields with it)
    when that app is installed.
    """
    content = Permission.objects.filter(
        content_type__app_label="seo", codename="change_page_content"
    )
    extra = [_permission(app_label, codename) for app_label, codename in extra]
    group.permissions.set([_permission("wagtailadmin", "access_admin"), *content, *extra])


def set_page_permissions(group, grants):
    """Give `group` exactly `grants` ({page: kinds}), each on its page's subtree, and nothing else."""
    wanted = {
        (page.pk, _page_permission(kind).pk) for page, kinds in grants.items() for kind in kinds
    }
    for grant in GroupPagePermission.objects.filter(group=group):
        if (grant.page_id, grant.permission_id) not in wanted:
            grant.delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def clinic_treatment_indexes():
    """Every clinic's treatments index (the pages its copies live under)."""
    from home.models import ClinicPage
    from treatments.models import TreatmentIndexPage

    clinic_paths = ClinicPage.objects.values_list("path", flat=True)
    return (
        TreatmentIndexPage.objects.filter(depth=3)
        .annotate(clinic_path=Substr("path", 1, 2 * Page.steplen))
        .filter(clinic_path__in=clinic_paths)
    )


def grant_clinic_copy_rights(index):
    """Give the groups that act on clinic copies their rights under a new clinic `index`."""
    for name, kinds in CLINIC_COPY_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        for kind in kinds if group else ():
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=_page_permission(kind)
            )


def _set_collection_permissions(group, codenames):
    root = Collection.get_first_root_node()
    wanted = [
        _permission("wagtailimages" if name.endswith("image") else "wagtaildocs", name)
        for name in codenames
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def ensure_library_roles(library):
    """The Editors and Clinical reviewers groups: rights on the library (and the clinic copies)."""
    indexes = list(clinic_treatment_indexes())
    groups = {}
    for name, kinds in LIBRARY_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        _grant_admin_access(group, MODEL_PERMISSIONS.get(name, ()))
        grants = {library: kinds}
        copy_kinds = CLINIC_COPY_PERMISSIONS.get(name, ())
        grants.update((index, copy_kinds) for index in indexes if copy_kinds)
        set_page_permissions(group, grants)
        _set_collection_permissions(group, COLLECTION_PERMISSIONS[name])
        groups[name] = group
    return groups


def clinic_manager_group_name(clinic):
    return f"{CLINIC_MANAGERS_PREFIX}{clinic.title}"


def clinic_manager_group(clinic):
    """The group managing `clinic`, found by its permission on the clinic's page."""
    return (
        Group.objects.filter(
            name__startswith=CLINIC_MANAGERS_PREFIX, page_permissions__page_id=clinic.pk
        )
        .distinct()
        .first()
    )


@transaction.atomic
def ensure_clinic_manager_group(clinic):
    """Create or rename the clinic's managers group; its rights end at the clinic's page tree."""
    group = clinic_manager_group(clinic)
    name = clinic_manager_group_name(clinic)
    if group is None:  # adopt a group of that name left without rights
        group = Group.objects.filter(name=name, page_permissions__isnull=True).first()
    if Group.objects.filter(name=name).exclude(pk=getattr(group, "pk", None)).exists():
        name = f"{name} ({clinic.slug})"  # two clinics with one title
    if group is None:
        group = Group.objects.create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    _grant_admin_access(group)
    set_page_permissions(group, {clinic: CLINIC_PAGE_PERMISSIONS})
    return group
