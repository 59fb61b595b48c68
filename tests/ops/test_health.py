"""/healthz answers 200 with each check when the database and cache work, 503 naming what failed."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthy_instance_answers_200_with_every_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": {"ok": True}, "cache": {"ok": True}},
    }


def test_health_is_never_cached(client):
    first = client.get("/healthz")
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]
    assert "X-Cache" not in first  # the response cache middleware leaves it alone
    with mock.patch.dict("cms.ops.health.CHECKS", {"database": _raise(OperationalError)}):
        assert client.get("/healthz").status_code == 503  # not the 200 from before


def _raise(exc_class):
    def check():
        raise exc_class("connection to server at 10.0.0.5 failed: password authentication")

    return check


def test_database_failure_is_503_naming_the_database(client):
    with mock.patch.dict("cms.ops.health.CHECKS", {"database": _raise(OperationalError)}):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["failed"] == ["database"]
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    assert body["checks"]["cache"] == {"ok": True}


def test_failure_details_stay_in_the_log_not_the_public_body(client, caplog):
    with mock.patch.dict("cms.ops.health.CHECKS", {"database": _raise(OperationalError)}):
        response = client.get("/healthz")
    assert b"10.0.0.5" not in response.content
    assert "10.0.0.5" in caplog.text


def test_cache_raising_is_503_naming_the_cache(client):
    with mock.patch("cms.ops.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["cache"]
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert body["checks"]["database"] == {"ok": True}


def test_cache_swallowing_errors_is_still_caught(client):
    """django-redis with IGNORE_EXCEPTIONS returns None instead of raising."""
    with mock.patch("cms.ops.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["checks"]["cache"]["error"] == "CheckFailed"


def test_database_really_queried(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/healthz").status_code == 200


def test_both_failing_are_both_named(client):
    with (
        mock.patch.dict("cms.ops.health.CHECKS", {"database": _raise(OperationalError)}),
        mock.patch("cms.ops.health.cache.get", return_value=None),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database", "cache"]


def test_check_parameter_limits_the_probe(client):
    with mock.patch("cms.ops.health.cache.get", return_value=None):
        response = client.get("/healthz?check=database")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": {"ok": True}}


def test_unknown_check_is_a_400(client):
    response = client.get("/healthz?check=disk")
    assert response.status_code == 400
    assert "unknown check: disk" in response.json()["message"]


def test_only_safe_methods(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
