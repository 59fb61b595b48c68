"""The "SEO staff" group: tags, redirects, SEO fields (published) and the audit; no content.

SEO staff may change treatment pages in the library (Wagtail's page "change"
permission, without "publish"), but every content field of those pages
requires `seo.change_page_content` (see cms/seo/panels.py), which they lack.
So they can neither see nor overwrite the title, summary, hero image, body or
review. A change to SEO fields only they publish themselves, without clinical
review (`seo.publish_seo_changes`, cms/seo/seo_publish.py); anything else they
save as a draft for an editor.

Every group that edits pages needs `seo.change_page_content` to keep editing
content: `grant_content_editing` gives it, and `ensure_seo_roles` gives it to
every existing group holding page permissions.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

SEO_STAFF = "SEO staff"
LIBRARY_PAGE_PERMISSIONS = ("change",)
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("treatments", "add_treatmenttag"),
    ("treatments", "change_treatmenttag"),
    ("treatments", "delete_treatmenttag"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("seo", "view_seo_audit"),
    ("seo", "publish_seo_changes"),
)
COLLECTION_PERMISSIONS = (("wagtailimages", "choose_image"),)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def content_permission():
    return _permission("seo", "change_page_content")


def grant_content_editing(group):
    """Let a group that edits pages keep editing their content (title, summary, body, review)."""
    group.permissions.add(content_permission())


def library_index():
    """The brand's treatment library (TreatmentIndexPage under the brand home), or None."""
    from home.models import HomePage
    from treatments.models import TreatmentIndexPage

    brand = HomePage.objects.first()
    return TreatmentIndexPage.objects.child_of(brand).first() if brand else None


@transaction.atomic
def ensure_seo_staff_group(library=None):
    """Create or repair the SEO staff group with exactly its rights; idempotent."""
    group, _ = Group.objects.get_or_create(name=SEO_STAFF)
    group.permissions.set([_permission(app, codename) for app, codename in MODEL_PERMISSIONS])
    library = library or library_index()
    wanted = [_permission("wagtailcore", f"{kind}_page") for kind in LIBRARY_PAGE_PERMISSIONS]
    GroupPagePermission.objects.filter(group=group).exclude(
        page=library, permission__in=wanted
    ).delete()
    if library is not None:
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=library, permission=permission
            )
    root = Collection.get_first_root_node()
    for app, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app, codename)
        )
    return group


@transaction.atomic
def ensure_seo_roles(library=None):
    """SEO staff, plus content editing for every other group that holds page permissions."""
    group = ensure_seo_staff_group(library)
    editing_groups = Group.objects.filter(page_permissions__isnull=False).exclude(pk=group.pk)
    for other in editing_groups.distinct():
        grant_content_editing(other)
    return group
