"""SEO staff change SEO fields and tags of treatment pages, never their content, never publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.seo.roles import SEO_STAFF, ensure_seo_roles, grant_content_editing
from tests.admin_forms import edit_page


@pytest.fixture
def seo_client(client, django_user_model, library):
    ensure_seo_roles()
    user = django_user_model.objects.create_user("seo", "seo@example.com", "pw")
    user.groups.add(Group.objects.get(name=SEO_STAFF))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model, library):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission, Page

    group = Group.objects.create(name="Test editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    library_index = library["dry-needling"].get_parent()
    for kind in ("change", "publish"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.objects.get(pk=library_index.pk),
            permission=Permission.objects.get(codename=f"{kind}_page"),
        )
    grant_content_editing(group)
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_seo_staff_edit_seo_fields_and_tags_but_not_content(seo_client, library):
    page = library["dry-needling"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = seo_client.get(edit_url).content.decode()
    assert 'name="seo_title"' in html and 'name="tags"' in html
    assert 'name="body-count"' not in html and 'name="summary"' not in html
    assert 'name="reviewer_name"' not in html

    response = edit_page(
        seo_client,
        page,
        action=None,  # save draft
        seo_title="Dry needling in Calgary: what to expect",
        tags="back pain, neck pain, trigger points",
        summary="Tampered summary",  # not in the form: ignored
        title="Tampered title",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.seo_title == "Dry needling in Calgary: what to expect"
    assert sorted(t.name for t in draft.tags.all()) == ["back pain", "neck pain", "trigger points"]
    assert draft.summary == library["dry-needling"].summary and draft.title == "Dry needling"
    assert len(draft.body) == len(library["dry-needling"].body)


def test_seo_staff_cannot_publish(seo_client, library):
    page = library["dry-needling"]
    live_title = page.seo_title
    edit_page(seo_client, page, seo_title="Published by SEO?")
    page.refresh_from_db()
    assert page.seo_title == live_title
    assert page.get_latest_revision_as_object().seo_title == "Published by SEO?"
    html = seo_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in html


def test_seo_staff_reach_tags_redirects_and_the_audit(seo_client, library, clinics):
    for name in (
        "wagtailsnippets_treatments_treatmenttag:list",
        "wagtailredirects:index",
        "seo_audit",
    ):
        assert seo_client.get(reverse(name)).status_code == 200
    # No rights outside the library: clinic pages stay out of reach.
    clinic_edit = reverse("wagtailadmin_pages:edit", args=[clinics["south"].pk])
    assert seo_client.get(clinic_edit).status_code in (302, 403)


def test_editors_with_content_permission_get_the_content_fields(editor_client, library):
    page = library["dry-needling"]
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="summary"' in html and 'name="seo_title"' in html
    assert 'name="reviewer_name"' not in html  # the review is the workflow's, read-only
    editor = editor_client.get(reverse("wagtailadmin_home")).wsgi_request.user
    form_class = page.get_edit_handler().get_form_class()
    fields = form_class(instance=page, for_user=editor, parent_page=page.get_parent()).fields
    assert {"title", "summary", "hero_image", "body"} <= set(fields)
    assert not {"reviewer_name", "reviewed_on", "review_digest"} & set(fields)


def test_the_audit_is_not_for_everyone(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", "n@example.com", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("seo_audit")).status_code in (302, 403)
