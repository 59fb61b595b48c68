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


def test_publish_purges_the_api_urls_that_showed_the_page(client, library, clinics, cdn):
    from treatments.models import TreatmentPage

    alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    urls = [
        "/api/v2/pages/?type=treatments.TreatmentPage&fields=*",
        f"/api/v2/pages/{alias.pk}/",
        "/api/v2/pages/?site=northeast.localhost",
    ]
    for url in urls:
        assert client.get(url, HTTP_HOST="northeast.localhost").status_code == 200
    massage = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="massage-therapy")
    client.get(f"/api/v2/pages/{massage.pk}/", HTTP_HOST="northeast.localhost")

    library["dry-needling"].save_revision().publish()

    purged = cdn.purged()
    for url in urls:
        assert f"northeast.localhost{url}" in purged, (url, purged)
    assert f"northeast.localhost/api/v2/pages/{massage.pk}/" not in purged
