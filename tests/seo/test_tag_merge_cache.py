"""Merging tags refreshes the cached HTML and API responses of every page it retags."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.delivery.receivers import Recorder
from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

HOST = "northeast.localhost"


def _get(visitor, path):
    return visitor.get(path, HTTP_HOST=HOST)


def _primed(visitor, path):
    """Request twice: the first response is rendered and stored, the second is served cached."""
    assert _get(visitor, path)["X-Cache"] == "MISS", path
    again = _get(visitor, path)
    assert (again.status_code, again["X-Cache"]) == (200, "HIT"), path
    return again


def _api_tags(response):
    return sorted(tag["slug"] if isinstance(tag, dict) else tag for tag in response.json()["tags"])


@pytest.fixture
def visitor():
    """An anonymous client (the project's admin_client logs in the shared `client`)."""
    return Client()


@pytest.fixture
def merge(admin_client, django_capture_on_commit_callbacks):
    def merge(source, target):
        # As in production, what the merge does after its transaction commits runs too.
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailsnippets_treatments_treatmenttag:merge"),
                {"source": source.pk, "target": target.pk, "confirm": "1"},
            )
        assert response.status_code == 302

    return merge


def _conditions_tag_slugs(api_json):
    return [
        item["tag"]["slug"]
        for block in api_json["body"]
        if block["type"] == "conditions"
        for item in block["value"]["items"]
        if item.get("tag")
    ]


def test_merge_refreshes_cached_html_and_api_of_retagged_pages(visitor, library, clinics, merge):
    # Dry needling carries "back pain" and links it from its conditions block.
    source = TreatmentTag.objects.get(slug="back-pain")
    target = TreatmentTag.objects.create(name="chronic back pain", slug="chronic-back-pain")
    page = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    html_path, api_path = "/treatments/dry-needling/", f"/api/v2/pages/{page.pk}/"
    listing = "/api/v2/pages/?type=treatments.TreatmentPage&fields=tags,body"
    assert "/tags/back-pain/" in _primed(visitor, html_path).content.decode()
    before = _primed(visitor, api_path).json()
    assert "back pain" in before["tags"] and "back-pain" in _conditions_tag_slugs(before)
    _primed(visitor, listing)
    # Front ends list a tag's pages through the API's tag filter: none carry the target yet.
    by_target = "/api/v2/pages/?type=treatments.TreatmentPage&tags=chronic%20back%20pain"
    assert _primed(visitor, by_target).json()["meta"]["total_count"] == 0

    merge(source, target)

    html = _get(visitor, html_path)
    assert html["X-Cache"] == "MISS"
    assert "/tags/back-pain/" not in html.content.decode()
    assert "/tags/chronic-back-pain/" in html.content.decode()
    api = _get(visitor, api_path)
    assert api["X-Cache"] == "MISS"
    after = api.json()
    assert "back pain" not in after["tags"] and "chronic back pain" in after["tags"]
    assert "chronic-back-pain" in _conditions_tag_slugs(after)
    assert "back-pain" not in _conditions_tag_slugs(after)
    listed = _get(visitor, listing)
    assert listed["X-Cache"] == "MISS"
    [item] = [item for item in listed.json()["items"] if item["id"] == page.pk]
    assert "chronic back pain" in item["tags"] and "back pain" not in item["tags"]
    filtered = _get(visitor, by_target)
    assert filtered["X-Cache"] == "MISS"
    titles = sorted(item["title"] for item in filtered.json()["items"])
    assert titles == ["Dry needling", "Massage therapy"]


def test_merge_purges_the_urls_that_showed_the_retagged_pages(visitor, library, clinics, merge):
    source = TreatmentTag.objects.get(slug="back-pain")
    target = TreatmentTag.objects.create(name="chronic back pain", slug="chronic-back-pain")
    by_target = "/api/v2/pages/?type=treatments.TreatmentPage&tags=chronic%20back%20pain"
    with Recorder() as cdn:
        backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cdn.url,
        }
        with override_settings(WAGTAILFRONTENDCACHE={"local": backend}):
            for path in ("/treatments/dry-needling/", by_target, "/treatments/"):
                assert _get(visitor, path).status_code == 200
            merge(source, target)
            purged = cdn.purged()
    assert f"{HOST}/treatments/dry-needling/" in purged, purged
    assert f"{HOST}{by_target}" in purged, purged  # the tag-filtered listing
