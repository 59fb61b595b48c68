"""Headless preview: a draft reaches a front end only through a valid, unexpired token."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from treatments.models import TreatmentIndexPage, TreatmentPage


def _preview_token(page, clinic_slug):
    html = page.make_preview_request(preview_mode=f"frontend:{clinic_slug}").content.decode()
    link = re.search(r'href="([^"]+)" target="_blank"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["content_type"] == ["treatments.treatmentpage"]
    assert query["site"] == [f"{clinic_slug}.localhost"]
    # The reference front end's preview route (docs/preview.md), framed in the panel too.
    assert link.startswith("http://localhost:3000/api/preview?")
    assert f'<iframe class="fp-frame" src="{link.replace("&", "&amp;")}"' in html
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


def _preview(client, draft, slug):
    token = _preview_token(draft, slug)
    response = client.get("/api/v2/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def _index(clinic):
    return TreatmentIndexPage.objects.child_of(clinic).get(slug="treatments")


def test_a_library_draft_is_placed_on_the_clinic_previewed(client, draft, clinics):
    """html_url, parent, canonical and JSON-LD are the clinic's copy's, not the brand's."""
    data = _preview(client, draft, "downtown")
    meta = data["meta"]
    url = "http://downtown.localhost/treatments/dry-needling/"
    assert meta["html_url"] == url
    assert meta["parent"]["id"] == _index(clinics["downtown"]).pk
    assert meta["preview"]["site"] == "downtown.localhost"
    assert meta["preview"]["html_path"] == "/treatments/dry-needling/"
    assert datetime.datetime.fromisoformat(meta["preview"]["expires_at"]) > timezone.now()
    assert data["seo"]["canonical"] == url
    nodes = {node["@type"]: node for node in meta["jsonld"]["@graph"]}
    assert nodes["MedicalWebPage"]["publisher"]["name"] == clinics["downtown"].title
    assert [item["item"] for item in nodes["BreadcrumbList"]["itemListElement"]] == [
        "http://downtown.localhost/",
        "http://downtown.localhost/treatments/",
        url,
    ]
    assert meta["clinic"]["id"] == clinics["downtown"].pk


def test_a_clinic_not_offering_it_yet_gets_its_would_be_place(client, draft, clinics):
    south = clinics["south"]
    assert not TreatmentPage.objects.descendant_of(south).filter(slug="dry-needling").exists()
    meta = _preview(client, draft, "south")["meta"]
    assert meta["html_url"] == "http://south.localhost/treatments/dry-needling/"
    assert meta["parent"]["id"] == _index(south).pk


def test_the_brand_preview_keeps_the_library_place(client, draft, library):
    token = _preview_token_for_brand(draft)
    data = client.get("/api/v2/preview/", {"token": token}, HTTP_HOST="localhost").json()
    assert data["meta"]["html_url"] == "http://localhost/treatments/dry-needling/"
    assert data["meta"]["clinic"] is None


def _preview_token_for_brand(draft):
    from cms.delivery.models import PreviewSnapshot
    from cms.delivery.preview import make_token

    snapshot = PreviewSnapshot.objects.create(
        page_id=draft.pk,
        content_type=ContentType.objects.get_for_model(draft),
        content_json=draft.to_json(),
        site=Site.objects.get(is_default_site=True),
    )
    return make_token(snapshot)


def test_the_front_end_mode_page_frames_the_front_end(draft, clinics):
    """A styled page with instructions, the front end framed, the CSP letting it be framed.

    Wagtail runs the preview through the middleware: the policy is the one served."""
    response = draft.make_preview_request(preview_mode="frontend:northeast")
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/frontend-preview.css" in html
    assert "make frontend" in html and "/treatments/dry-needling/" in html
    assert "site=northeast.localhost" in html
    frame_src = next(
        part for part in response["Content-Security-Policy"].split(";") if "frame-src" in part
    )
    assert "http://localhost:3000" in frame_src.split()


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


def test_the_preview_response_validates_against_the_openapi_document(client, draft, clinics):
    from tests.openapi.conftest import errors_for

    document = client.get("/api/v2/openapi.json").json()
    data = _preview(client, draft, "northeast")
    assert errors_for(document, "/api/v2/preview/", 200, data) == []
    assert set(data["meta"]["preview"]) == {"site", "html_path", "expires_at"}
