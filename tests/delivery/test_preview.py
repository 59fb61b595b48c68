"""Headless preview: a draft reaches a front end only through a valid, unexpired token."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

from treatments.models import TreatmentPage


def _preview_token(page, clinic_slug):
    html = page.make_preview_request(preview_mode=f"frontend:{clinic_slug}").content.decode()
    link = re.search(r'href="([^"]+)" target="_blank"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["content_type"] == ["treatments.treatmentpage"]
    assert link.startswith(f"http://{clinic_slug}.localhost/preview/?")
    return query["token"][0]


@pytest.fixture
def draft(library):
    page = library["dry-needling"]
    page.summary = "Words only in the draft."
    page.save_revision()
    return TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_valid_token_returns_the_draft_resolved_for_that_clinic(client, draft, clinics):
    token = _preview_token(draft, "downtown")
    response = client.get("/api/v2/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code == 200
    data = response.json()
    assert data["summary"] == "Words only in the draft."
    assert data["meta"]["type"] == "treatments.TreatmentPage"
    cta = next(block for block in data["body"] if block["type"] == "cta")
    assert [link["href"] for link in cta["value"]["links"]] == [clinics["downtown"].booking_url]
    assert "no-store" in response["Cache-Control"]


def test_public_surfaces_never_show_the_previewed_draft(client, draft, clinics):
    _preview_token(draft, "northeast")
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        assert (
            "Words only in the draft."
            not in client.get("/treatments/dry-needling/", HTTP_HOST=host).content.decode()
        )
        listing = client.get(
            "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary", HTTP_HOST=host
        )
        assert "Words only in the draft." not in listing.content.decode()


def test_expired_token_is_refused(client, draft):
    token = _preview_token(draft, "northeast")
    with override_settings(PREVIEW_TOKEN_MAX_AGE=-1):
        response = client.get("/api/v2/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code == 401
    assert "expired" in response.json()["message"]


@pytest.mark.parametrize("token", ["", "garbage", "1:abc:def"])
def test_missing_or_forged_token_is_refused(client, library, token):
    response = client.get("/api/v2/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code in (400, 401)
    assert "message" in response.json()


def test_tampered_token_is_refused(client, draft):
    token = _preview_token(draft, "northeast")
    pk, rest = token.split(":", 1)
    response = client.get(
        "/api/v2/preview/", {"token": f"{int(pk) + 1}:{rest}"}, HTTP_HOST="localhost"
    )
    assert response.status_code == 401
