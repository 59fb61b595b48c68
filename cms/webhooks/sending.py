"""Sign and POST one webhook body; report what happened without ever raising."""

import hashlib
import hmac
import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

EXCERPT_CHARS = 500
USER_AGENT = "ClinicCMS-Webhooks/1"


def signature(secret, body):
    """The X-Clinic-CMS-Signature value: HMAC-SHA256 of the raw body, hex, prefixed."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    response_excerpt: str = ""
    error: str = ""
    duration_ms: int = 0

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is answered as a failure: re-POSTing the body elsewhere is not ours to decide."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _excerpt(stream):
    # Read a little more than we keep, in bytes, so multi-byte text is not cut mid-way often.
    return stream.read(EXCERPT_CHARS * 4).decode("utf-8", "replace")[:EXCERPT_CHARS]


def post(url, body, headers, timeout):
    """POST `body` (bytes) to `url`; any status, network error or timeout becomes an Outcome."""
    if not url.lower().startswith(("http://", "https://")):
        return Outcome(error=f"Refused: {url!r} is not an http(s) URL")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    request.add_header("User-Agent", USER_AGENT)
    request.add_header("Content-Type", "application/json")
    started = time.monotonic()

    def elapsed():
        return round((time.monotonic() - started) * 1000)

    try:
        with _opener.open(request, timeout=timeout) as response:
            return Outcome(response.status, _excerpt(response), "", elapsed())
    except urllib.error.HTTPError as exc:
        with exc:
            return Outcome(exc.code, _excerpt(exc), f"HTTP {exc.code} {exc.reason}", elapsed())
    except urllib.error.URLError as exc:
        return Outcome(None, "", f"{type(exc.reason).__name__}: {exc.reason}", elapsed())
    except (OSError, http.client.HTTPException, ValueError) as exc:
        # Timeouts while reading, dropped connections, malformed responses.
        return Outcome(None, "", f"{type(exc).__name__}: {exc}", elapsed())
