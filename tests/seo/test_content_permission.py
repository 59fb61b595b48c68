"""A custom group that may add and edit library pages but lacks `seo.change_page_content`
gets a working page editor: the title (which Wagtail needs on every save) is shown
read-only and kept when editing, editable when creating; its promote changes are saved and
the stored content is never overwritten."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from tests.admin_forms import edit_page, form_data
from treatments.models import TreatmentPage


@pytest.fixture
def no_content_client(client, django_user_model, library):
    group = Group.objects.create(name="Custom page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    library_index = library["dry-needling"].get_parent()
    for kind in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.objects.get(pk=library_index.pk),
            permission=Permission.objects.get(codename=f"{kind}_page"),
        )
    user = django_user_model.objects.create_user("custom", "custom@example.com", "pw")
    user.groups.add(group)
    assert not user.has_perm("seo.change_page_content")
    client.force_login(user)
    return client


def test_edit_view_shows_the_title_read_only(no_content_client, library):
    page = library["dry-needling"]
    response = no_content_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="seo_title"' in html and 'name="tags"' in html
    assert 'name="summary"' not in html and 'name="body-count"' not in html
    # The title is no input, but Wagtail's read-only output of the stored title.
    assert 'name="title"' not in html
    shown = BeautifulSoup(html, "html.parser").select('[aria-readonly="true"]')
    assert [element.get_text(strip=True) for element in shown] == ["Dry needling"]


def test_save_keeps_title_and_content_and_saves_promote_changes(no_content_client, library):
    page = library["dry-needling"]
    stored = page.get_latest_revision_as_object()
    response = edit_page(
        no_content_client,
        page,
        action=None,  # save draft
        seo_title="Dry needling at our clinics",
        tags="neck pain, trigger points",
        title="Tampered title",  # posted anyway: ignored
        summary="Tampered summary",
        **{"body-count": "0"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.seo_title == "Dry needling at our clinics"
    assert sorted(t.name for t in draft.tags.all()) == ["neck pain", "trigger points"]
    assert (draft.title, draft.summary) == (stored.title, stored.summary)
    assert draft.body.get_prep_value() == stored.body.get_prep_value()


def test_create_view_lets_them_name_the_new_page(no_content_client, library):
    index = library["dry-needling"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    response = no_content_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="title"' in html and 'name="summary"' not in html

    data = form_data(html, "page-edit-form")
    data.update({"title": "Cupping", "slug": "cupping", "seo_title": "Cupping in Calgary"})
    response = no_content_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = TreatmentPage.objects.get(slug="cupping")
    assert (page.title, page.seo_title, page.live) == ("Cupping", "Cupping in Calgary", False)


def test_create_without_a_title_is_a_form_error(no_content_client, library):
    index = library["dry-needling"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    data = form_data(no_content_client.get(url).content.decode(), "page-edit-form")
    data.update({"title": "", "slug": "untitled"})
    response = no_content_client.post(url, data)
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not TreatmentPage.objects.filter(slug="untitled").exists()
