"""Editors choose existing tags on a page; only users who may add tags (SEO staff) create
new ones. A new name from anyone else is a form error and nothing is saved."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from cms.seo.roles import SEO_STAFF, ensure_seo_roles
from tests.admin_forms import edit_page
from tests.editorial.helpers import edit_treatment
from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag


@pytest.fixture
def roles(library):
    from cms.editorial.setup import ensure_editorial

    ensure_editorial(log=lambda message: None)
    ensure_seo_roles()


def _client(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def _tag_options(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "tags"})
    return json.loads(field["data-w-tag-options-value"])


def test_an_editor_gets_a_form_error_for_a_new_tag_and_nothing_is_saved(
    roles, library, django_user_model
):
    editor = _client(django_user_model, "erin", "Editors")
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    assert _tag_options(editor, page)["autocompleteOnly"] is True
    revisions = page.revisions.count()
    response = edit_treatment(editor, page, action=None, tags="back pain, knee magic")
    assert response.status_code == 200
    errors = response.context["form"].errors["tags"]
    assert errors == [
        "Choose existing tags only; SEO staff create new ones. Not a tag yet: knee magic."
    ]
    assert not TreatmentTag.objects.filter(name__iexact="knee magic").exists()
    assert page.revisions.count() == revisions


def test_an_editor_may_choose_existing_tags_whatever_the_case(roles, library, django_user_model):
    editor = _client(django_user_model, "erin", "Editors")
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    tags = TreatmentTag.objects.count()
    response = edit_treatment(editor, page, action=None, tags="Back Pain, neck pain")
    assert response.status_code == 302, response.context["form"].errors
    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert sorted(tag.name for tag in draft.tags.all()) == ["back pain", "neck pain"]
    assert TreatmentTag.objects.count() == tags


def test_seo_staff_create_new_tags(roles, library, django_user_model):
    seo = _client(django_user_model, "sam", SEO_STAFF)
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    assert _tag_options(seo, page)["autocompleteOnly"] is False
    response = edit_page(seo, page, action=None, tags="back pain, plantar fasciitis")
    assert response.status_code == 302
    assert TreatmentTag.objects.filter(name="plantar fasciitis").exists()
