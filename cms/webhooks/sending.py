"""POST one signed webhook body to a vetted address; report what happened without ever raising.

Only the status code and the time taken are kept: a receiver's answer body is
its business, and storing it would turn the delivery log into a way to read
whatever an endpoint URL returns.
"""

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from .targets import TargetRefused, check

USER_AGENT = "ClinicCMS-Webhooks/2"


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    error: str = ""
    duration_ms: int = 0
    refused: bool = False  # the target is not allowed: trying again will not help

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to one checked address while the Host header keeps the URL's host name."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above over TLS: the certificate and SNI are checked against the host name."""

    def __init__(self, host, port, address, timeout):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self):
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)


CONNECTIONS = {"http": _PinnedHTTPConnection, "https": _PinnedHTTPSConnection}


def _target(url):
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _send(connection, url, body, headers):
    try:
        connection.request("POST", _target(url), body=body, headers=headers)
        response = connection.getresponse()
        response.read(64 * 1024)  # drained (not kept) so the receiver sees a clean close
        return response.status, response.reason
    finally:
        connection.close()


def _connected(scheme, host, port, addresses, timeout):
    """A connection to the first address that accepts one, as socket.create_connection does."""
    error = None
    for address in addresses:
        connection = CONNECTIONS[scheme](host, port, address, timeout)
        try:
            connection.connect()
            return connection
        except OSError as exc:
            connection.close()
            error = exc
    raise error or OSError("no address to connect to")


def post(url, body, headers, timeout):
    """POST `body` (bytes); any status, refusal, network error or timeout becomes an Outcome.

    Redirects are answered as failures (never followed: re-POSTing the body
    elsewhere is not ours to decide), and no HTTP proxy from the environment
    is used, so the address checked is the address reached.
    """
    started = time.monotonic()

    def elapsed():
        return round((time.monotonic() - started) * 1000)

    try:
        scheme, host, port, addresses = check(url)
    except TargetRefused as exc:
        return Outcome(error=f"Refused: {exc}", duration_ms=elapsed(), refused=True)
    headers = {
        **headers,
        "User-Agent": USER_AGENT,
        "Content-Type": "application/json",
    }
    try:
        connection = _connected(scheme, host, port, addresses, timeout)
        status, reason = _send(connection, url, body, headers)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        # Refused connections, timeouts, TLS failures, dropped or malformed answers.
        return Outcome(None, f"{type(exc).__name__}: {exc}"[:200], elapsed())
    error = "" if 200 <= status < 300 else f"HTTP {status} {reason}"[:200]
    return Outcome(status, error, elapsed())
