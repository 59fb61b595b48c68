"""A database outage is a fast 503 with Retry-After on HTML and API, never a 500."""

from django.db import OperationalError

from treatments.models import TreatmentPage


def _fail(*args, **kwargs):
    raise OperationalError("connection refused")


def test_html_page_gets_503_when_the_database_is_down(client, library, monkeypatch):
    monkeypatch.setattr(TreatmentPage, "get_context", _fail)
    response = client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]


def test_api_gets_json_503_when_the_database_is_down(client, library, monkeypatch):
    import cms.api.pages

    monkeypatch.setattr(cms.api.pages, "public_pages", _fail)
    response = client.get("/api/v2/pages/", HTTP_HOST="northeast.localhost")
    assert response.status_code == 503
    assert "retry" in response.json()["message"]
