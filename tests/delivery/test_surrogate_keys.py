"""Cached responses name their dependency keys; a publish purges by key, one request per batch."""

import pytest
from django.test import override_settings

from .receivers import Recorder

DRY = "/treatments/dry-needling/"


@pytest.fixture
def key_cache():
    with Recorder() as recorder, override_settings(SURROGATE_PURGE_URL=recorder.url):
        yield recorder


def purged_keys(recorder):
    """The key set of each PURGE (header names are case-insensitive)."""
    batches = []
    for r in recorder.requests:
        headers = {name.lower(): value for name, value in r["headers"].items()}
        if r["method"] == "PURGE":
            batches.append(set(headers["xkey-purge"].split()))
    return batches


def test_a_cached_page_names_what_it_shows_on_miss_and_hit(client, library, clinics):
    from treatments.models import TreatmentPage

    alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    miss = client.get(DRY, HTTP_HOST="northeast.localhost")
    hit = client.get(DRY, HTTP_HOST="northeast.localhost")
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    for response in (miss, hit):
        keys = set(response["xkey"].split())
        assert {f"page:{alias.pk}", f"clinic:{clinics['northeast'].pk}"} <= keys
        assert set(response["Surrogate-Key"].split()) == keys
        assert set(response["Cache-Tag"].split(",")) == keys


def test_uncached_responses_name_nothing(admin_client, library):
    response = admin_client.get(DRY, HTTP_HOST="northeast.localhost")  # an editor: never cached
    assert response.status_code == 200
    assert not response.has_header("xkey")


def test_publish_purges_by_key_once_for_every_clinic(
    client, library, clinics, key_cache, django_capture_on_commit_callbacks
):
    from treatments.models import TreatmentPage

    original = library["dry-needling"]
    copies = TreatmentPage.objects.filter(alias_of=original)
    original.summary = "A new summary"
    with django_capture_on_commit_callbacks(execute=True):
        original.save_revision().publish()

    batches = purged_keys(key_cache)
    assert len(batches) == 1, batches  # one request for every clinic's copy and listing
    keys = batches[0]
    assert f"page:{original.pk}" in keys
    assert {f"page:{copy.pk}" for copy in copies} <= keys
    assert f"offering:{original.pk}" in keys
    assert not any(key.startswith("clinic:") for key in keys)  # no clinic's facts changed


@override_settings(SURROGATE_KEY_HEADERS=False)
def test_headers_can_be_turned_off(client, library):
    response = client.get(DRY, HTTP_HOST="northeast.localhost")
    assert response["X-Cache"] == "MISS"
    assert not response.has_header("xkey")
