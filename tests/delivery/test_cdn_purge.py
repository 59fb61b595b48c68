"""A publish purges, at the CDN, every URL that showed the page on every affected site."""

import pytest
from django.test import override_settings

from .receivers import Recorder

DRY = "/treatments/dry-needling/"


@pytest.fixture
def cdn():
    with Recorder() as recorder:
        backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": recorder.url,
        }
        with override_settings(WAGTAILFRONTENDCACHE={"local": backend}):
            yield recorder


def test_publish_purges_html_of_every_clinic_carrying_the_page(client, library, cdn):
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        client.get(DRY, HTTP_HOST=host)
    client.get("/treatments/massage-therapy/", HTTP_HOST="northeast.localhost")
    client.get("/treatments/", HTTP_HOST="northeast.localhost")

    original = library["dry-needling"]
    original.summary = "New summary"
    original.save_revision().publish()

    purged = cdn.purged()
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        assert f"{host}{DRY}" in purged, purged
    assert "northeast.localhost/treatments/" in purged  # the clinic's list shows its summary
    assert "northeast.localhost/treatments/massage-therapy/" not in purged


def test_clinic_facts_purge_that_clinics_pages_only(client, library, clinics, cdn):
    client.get(DRY, HTTP_HOST="northeast.localhost")
    client.get(DRY, HTTP_HOST="downtown.localhost")
    clinic = clinics["downtown"]
    clinic.phone = "+14035550100"
    clinic.save_revision().publish()
    purged = cdn.purged()
    assert f"downtown.localhost{DRY}" in purged
    assert f"northeast.localhost{DRY}" not in purged
