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


def test_a_404_while_the_database_is_down_is_a_503_not_a_500(library, monkeypatch):
    """Wagtail's redirect lookup runs in a middleware, after the view's 404: outside the view."""
    import wagtail.contrib.redirects.middleware as redirects
    from django.test import Client

    monkeypatch.setattr(redirects, "get_redirect", _fail)
    client = Client(raise_request_exception=False)
    for path in ("/treatments/no-such-page/", "/api/v2/pages/999999/"):
        response = client.get(path, HTTP_HOST="northeast.localhost")
        assert response.status_code == 503, path
        assert response["Retry-After"] == "5"
        assert "no-store" in response["Cache-Control"]
    assert "retry" in response.json()["message"]


def test_other_errors_outside_the_view_stay_a_500(library, monkeypatch):
    import wagtail.contrib.redirects.middleware as redirects
    from django.test import Client

    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(redirects, "get_redirect", broken)
    response = Client(raise_request_exception=False).get(
        "/treatments/no-such-page/", HTTP_HOST="northeast.localhost"
    )
    assert response.status_code == 500
