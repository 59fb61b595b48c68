"""Standard Webhooks signatures (https://www.standardwebhooks.com): id, timestamp and body, signed.

A delivery carries `webhook-id` (the delivery id, the same on every retry),
`webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`
(`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`), so a receiver can
reject a body that was altered, replayed later than its tolerance window, or
replayed under another id. Signing is the reference `standardwebhooks` package,
so what we send is exactly what its verifiers in every language accept.

Secrets are `whsec_` and the base64 of 24 to 64 random bytes, the convention's
format: the bytes after decoding are the HMAC key.
"""

import base64
import binascii
import secrets
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105  # nosec B105 (a format prefix, not a secret)
SECRET_BYTES = 32
MIN_SECRET_BYTES = 24
MAX_SECRET_BYTES = 64


def generate_secret():
    """A fresh `whsec_…` secret of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key(secret):
    """The HMAC key bytes of a `whsec_…` secret; ValueError when it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("not a whsec_ secret")
    try:
        # validate=True: Python's lenient decoder would drop stray characters silently.
        return base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
    except binascii.Error as exc:
        raise ValueError("not base64") from exc


def validate_secret(value):
    try:
        length = len(secret_key(value))
    except ValueError:
        length = None
    if length is None or not MIN_SECRET_BYTES <= length <= MAX_SECRET_BYTES:
        raise ValidationError(
            f"Enter a secret of the form whsec_ followed by the base64 encoding of "
            f"{MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} random bytes, or keep the generated one.",
            code="invalid_webhook_secret",
        )


def signed_headers(secret, message_id, body, when=None):
    """The three Standard Webhooks headers for `body` (bytes) sent as `message_id` at `when`."""
    when = when or datetime.now(UTC)
    timestamp = int(when.timestamp())
    signature = Webhook(secret_key(secret)).sign(
        msg_id=message_id,
        timestamp=datetime.fromtimestamp(timestamp, UTC),
        data=body.decode(),
    )
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature,
    }
