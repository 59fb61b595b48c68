"""Each role's allow and deny, through the admin's real views.

Editors write in the library and cannot publish or touch clinics; clinical
reviewers review the library; each clinic's managers edit that clinic's facts
and nothing of any other clinic or of the library; SEO staff edit the library's
SEO fields only (their rights are cms/seo's, checked here against clinics).
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home.models import ClinicPage

from ..admin_forms import edit_page
from .helpers import assert_denied

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent):
    return reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])


@pytest.fixture
def seo_staff(editorial, make_user):
    from cms.seo.roles import SEO_STAFF, ensure_seo_roles

    ensure_seo_roles()
    return make_user("sol", SEO_STAFF)


@pytest.fixture
def users(editor, reviewer, managers, seo_staff):
    return {
        "editor": editor,
        "reviewer": reviewer,
        "seo": seo_staff,
        **{f"manager-{slug}": user for slug, user in managers.items()},
    }


def _target(name, library, clinics, brand):
    if name == "library treatment":
        return library["dry-needling"]
    if name == "library index":
        return library["dry-needling"].get_parent()
    if name == "brand home":
        return brand
    if name.startswith("clinic "):
        return clinics[name.removeprefix("clinic ")]
    if name.startswith("alias at "):
        slug = name.removeprefix("alias at ")
        return library["massage-therapy"].aliases.get(path__startswith=clinics[slug].path)
    raise AssertionError(name)


# who -> {page: may open its editor}
EDIT_MATRIX = {
    "editor": {
        "library treatment": True,
        "brand home": False,
        "clinic northeast": False,
        "clinic south": False,
    },
    "reviewer": {"library treatment": True, "clinic downtown": False, "brand home": False},
    "manager-northeast": {
        "clinic northeast": True,
        "clinic downtown": False,
        "clinic south": False,
        "library treatment": False,
        "brand home": False,
    },
    "manager-south": {"clinic south": True, "clinic northeast": False, "library treatment": False},
    "seo": {"library treatment": True, "clinic northeast": False, "brand home": False},
}
# who -> {parent: may add a page under it}
ADD_MATRIX = {
    "editor": {"library index": True, "clinic northeast": False},
    "reviewer": {"library index": False},
    "manager-northeast": {"clinic northeast": False, "library index": False},  # facts only
    "seo": {"library index": False},
}


def _outcomes(client, urls, allowed_status):
    """{target: True if allowed, False if denied}; anything else fails the test."""
    outcomes = {}
    for target, url in urls.items():
        response = client.get(url)
        if allowed_status(response):
            outcomes[target] = True
        else:
            assert_denied(response)
            outcomes[target] = False
    return outcomes


@pytest.mark.parametrize("who", EDIT_MATRIX)
def test_who_may_open_which_editor(users, as_user, library, clinics, brand, who):
    urls = {t: edit_url(_target(t, library, clinics, brand)) for t in EDIT_MATRIX[who]}
    outcomes = _outcomes(as_user(users[who]), urls, lambda r: r.status_code == 200)
    assert outcomes == EDIT_MATRIX[who]


@pytest.mark.parametrize("who", ADD_MATRIX)
def test_who_may_add_pages(users, as_user, library, clinics, brand, who):
    def allowed(response):
        # With one allowed page type, Wagtail goes straight to its form.
        return response.status_code == 200 or (
            response.status_code == 302 and response.url.startswith("/admin/pages/add/")
        )

    urls = {t: add_url(_target(t, library, clinics, brand)) for t in ADD_MATRIX[who]}
    assert _outcomes(as_user(users[who]), urls, allowed) == ADD_MATRIX[who]


def test_a_clinic_manager_edits_their_clinic_hours_and_sees_them_on_their_site(
    managers, as_user, clinics
):
    client = as_user(managers["northeast"])
    clinic = clinics["northeast"]
    response = edit_page(client, clinic, **{"hours-0-opens": "06:15"})
    assert response.status_code == 302
    clinic = ClinicPage.objects.get(pk=clinic.pk)
    assert clinic.live and not clinic.has_unpublished_changes
    html = client.get("/", HTTP_HOST=clinic.hostname).content.decode()
    assert "06:15" in html
    assert "06:15" not in client.get("/", HTTP_HOST=clinics["south"].hostname).content.decode()


def test_a_clinic_manager_cannot_change_another_clinic(managers, as_user, clinics):
    south = clinics["south"]
    before = ClinicPage.objects.values().get(pk=south.pk)
    client = as_user(managers["northeast"])
    response = client.post(edit_url(south), {"title": "Taken over", "action-publish": "publish"})
    assert_denied(response)
    assert ClinicPage.objects.values().get(pk=south.pk) == before


def test_an_editor_cannot_change_clinic_facts(editor, as_user, clinics):
    clinic = clinics["downtown"]
    before = ClinicPage.objects.values().get(pk=clinic.pk)
    response = as_user(editor).post(edit_url(clinic), {"phone": "403-555-0000"})
    assert_denied(response)
    assert ClinicPage.objects.values().get(pk=clinic.pk) == before


def test_seo_staff_cannot_publish_in_the_library(seo_staff, as_user, library):
    page = library["dry-needling"]
    html = as_user(seo_staff).get(edit_url(page)).content.decode()
    assert 'name="action-publish"' not in html


def test_every_clinic_gets_its_own_managers_group_which_follows_a_rename(editorial, clinics):
    from cms.editorial.roles import clinic_manager_group

    names = {clinic_manager_group(c).name for c in clinics.values()}
    assert names == {f"Clinic managers: {c.title}" for c in clinics.values()}

    clinic = clinics["downtown"]
    clinic.title = "Bowview Physiotherapy Beltline"
    clinic.save_revision().publish()
    group = clinic_manager_group(clinic)
    assert group.name == "Clinic managers: Bowview Physiotherapy Beltline"
    assert not Group.objects.filter(name="Clinic managers: Bowview Physiotherapy Downtown").exists()
    pages = set(group.page_permissions.values_list("page_id", flat=True))
    assert pages == {clinic.pk}


def test_setup_is_idempotent_and_strips_wagtails_tree_wide_editor_rights(library):
    from wagtail.models import GroupPagePermission, Page

    from cms.editorial.setup import ensure_editorial

    root = Page.get_first_root_node()
    editors = Group.objects.get(name="Editors")  # Wagtail's own group, with rights on the root
    assert GroupPagePermission.objects.filter(group=editors, page=root).exists()
    ensure_editorial(log=lambda message: None)
    first = set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id"))
    ensure_editorial(log=lambda message: None)
    assert (
        set(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id"))
        == first
    )
    assert not GroupPagePermission.objects.filter(group=editors, page=root).exists()
