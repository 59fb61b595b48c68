"""Deliveries follow the Standard Webhooks convention, checked with its reference verifier."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.signing import generate_secret, secret_key, signed_headers

BODY = json.dumps({"event": "page.published", "page_id": 7}, separators=(",", ":")).encode()


def test_the_reference_verifier_accepts_what_we_sign():
    secret = generate_secret()
    headers = signed_headers(secret, "msg-1", BODY)
    assert Webhook(secret).verify(BODY, headers) == {"event": "page.published", "page_id": 7}
    assert headers["webhook-id"] == "msg-1"
    assert abs(int(headers["webhook-timestamp"]) - datetime.now(UTC).timestamp()) < 5
    assert len(secret_key(secret)) == 32


def test_a_replay_outside_the_tolerance_window_is_rejected():
    secret = generate_secret()
    captured = signed_headers(secret, "msg-1", BODY, when=datetime.now(UTC) - timedelta(minutes=6))
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(secret).verify(BODY, captured)


def test_a_replayer_cannot_refresh_the_timestamp():
    """An old delivery cannot be moved into the window: the timestamp is part of what is signed."""
    secret = generate_secret()
    old = signed_headers(secret, "msg-1", BODY, when=datetime.now(UTC) - timedelta(minutes=10))
    refreshed = {**old, "webhook-timestamp": str(int(datetime.now(UTC).timestamp()))}
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(secret).verify(BODY, refreshed)


@pytest.mark.parametrize(
    ("body", "changes"),
    [(BODY, {"webhook-id": "msg-2"}), (BODY.replace(b"7", b"8"), {})],
    ids=["other id", "other body"],
)
def test_another_id_or_body_breaks_the_signature(body, changes):
    secret = generate_secret()
    headers = {**signed_headers(secret, "msg-1", BODY), **changes}
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(secret).verify(body, headers)


@pytest.mark.django_db
def test_every_attempt_is_signed_afresh_under_the_same_id(
    settings, library, clinics, receiver, publish
):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    endpoint = WebhookEndpoint.objects.create(clinic=clinics["south"], url=receiver.url("/south"))
    receiver.secrets["/south"] = endpoint.secret
    receiver.fail_next(503)

    publish(library["shockwave-therapy"])

    first, second = receiver.received
    assert first["verified"] and second["verified"]
    assert first["headers"]["webhook-id"] == second["headers"]["webhook-id"]
    assert first["headers"]["webhook-id"] == first["payload"]["delivery_id"]
    assert first["raw"] == second["raw"]
    assert "X-Clinic-CMS-Signature" not in first["headers"]


@pytest.mark.django_db
def test_the_log_keeps_status_and_timing_never_the_answer_body(
    settings, library, clinics, receiver, publish
):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    WebhookEndpoint.objects.create(clinic=clinics["south"], url=receiver.url("/south"))
    receiver.fail_next(500)  # the receiver answers "status 500" as its body

    publish(library["shockwave-therapy"])

    [attempt] = WebhookDelivery.objects.all()
    assert (attempt.status_code, attempt.succeeded) == (500, False)
    assert attempt.duration_ms is not None
    stored = {f.attname: getattr(attempt, f.attname) for f in attempt._meta.concrete_fields}
    assert "status 500" not in repr(stored)


def test_existing_secrets_become_whsec_secrets_with_the_same_key():
    from importlib import import_module

    whsec_form = import_module("cms.webhooks.migrations.0002_standard_webhooks").whsec_form
    assert secret_key(whsec_form("x" * 43)) == b"x" * 43
    too_long = whsec_form("y" * 100)
    assert too_long.startswith("whsec_") and len(secret_key(too_long)) == 32
