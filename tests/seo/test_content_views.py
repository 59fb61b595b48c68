"""SEO staff never see page content: not in the editor, and not through the draft,
preview, revision, compare, revert or workflow preview views either."""

import pytest
from django.contrib.auth.models import Group
from django.urls import get_resolver, reverse

from cms.seo.content_views import CONTENT_VIEWS
from cms.seo.roles import SEO_STAFF, ensure_seo_roles


@pytest.fixture
def seo_client(client, django_user_model, library):
    ensure_seo_roles()
    user = django_user_model.objects.create_user("seo", "seo@example.com", "pw")
    user.groups.add(Group.objects.get(name=SEO_STAFF))
    client.force_login(user)
    return client


def content_urls(page):
    first = page.revisions.order_by("pk").first()
    draft = page.get_latest_revision_as_object()
    draft.summary = "A draft summary SEO staff must not read."
    latest = draft.save_revision()
    return {
        "view_draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "preview_on_edit": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        "revisions_view": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, latest.pk]),
        "revisions_compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, latest.pk]
        ),
        "revisions_compare_live": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]
        ),
        "revisions_revert": reverse(
            "wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]
        ),
    }


def test_seo_staff_are_refused_every_content_view(seo_client, library):
    page = library["dry-needling"]
    urls = content_urls(page)
    for name, url in urls.items():
        response = seo_client.get(url)
        assert response.status_code == 403, name
        assert b"A draft summary SEO staff must not read." not in response.content, name
    # The edit view and the history (no content) stay open to them.
    assert seo_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert seo_client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).status_code == 200


def test_editors_still_open_them(admin_client, library):
    page = library["dry-needling"]
    urls = content_urls(page)
    assert admin_client.get(urls["view_draft"]).status_code == 200
    assert (
        b"A draft summary SEO staff must not read." in admin_client.get(urls["view_draft"]).content
    )
    for name in ("revisions_view", "revisions_compare", "revisions_revert"):
        assert admin_client.get(urls[name]).status_code == 200, name


def test_the_guarded_view_names_exist_in_this_wagtail():
    """A renamed Wagtail view would slip past the guard: fail here instead."""
    _prefix, resolver = get_resolver().namespace_dict["wagtailadmin_pages"]
    for view_name in CONTENT_VIEWS:
        assert view_name.split(":", 1)[1] in resolver.reverse_dict, view_name
