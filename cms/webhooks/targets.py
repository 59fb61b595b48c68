"""Where a webhook may be sent: public http(s) addresses only, checked after DNS resolution.

A webhook URL is typed by staff but fetched by the server, so it must not
become a way to reach what only the server can: loopback, private networks,
link-local addresses (cloud metadata at 169.254.169.254 among them), CGNAT,
multicast or reserved ranges. The rule applies to every address a host name
resolves to, when the endpoint is saved and again at each send, and the
connection then goes to the address that was checked (a name that resolves
differently a second later cannot redirect it). `WEBHOOK_ALLOW_PRIVATE_TARGETS`
lifts the address rule for development and tests, never the rest.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

DEFAULT_PORTS = {"http": 80, "https": 443}


class TargetRefused(Exception):
    """The URL or one of its host's addresses is not an allowed webhook target."""


def is_public_address(address):
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def redacted(url, keep_path=False):
    """`url` as it may be shown or logged: never a user name, password or query string.

    Logs get scheme, host and port only (`keep_path=False`); the admin also shows the path.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<invalid URL>"
    host = f"[{host}]" if ":" in host else host
    rest = (parts.path or "/") + ("?…" if parts.query else "") if keep_path else "/…"
    return f"{parts.scheme}://{host}{port}{rest}"


def parse(url):
    """(scheme, host, port) of an http(s) URL without credentials; TargetRefused otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise TargetRefused("the URL is malformed") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise TargetRefused("only http:// and https:// URLs with a host name are allowed")
    if parts.username is not None or parts.password is not None:
        raise TargetRefused("the URL must not carry a user name or password")
    return scheme, parts.hostname, port or DEFAULT_PORTS[scheme]


def resolve(host, port):
    """Every address `host` resolves to, each checked; TargetRefused if any is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise TargetRefused(f"the host name does not resolve ({exc})") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not settings.WEBHOOK_ALLOW_PRIVATE_TARGETS:
        for address in addresses:
            if not is_public_address(address):
                raise TargetRefused(
                    f"it leads to {address}, a loopback, private, link-local or reserved address"
                )
    return addresses


def check(url):
    """(scheme, host, port, addresses) to connect to for `url`; TargetRefused when not allowed."""
    scheme, host, port = parse(url)
    return scheme, host, port, resolve(host, port)


def validate_webhook_url(value):
    """Model field validator: the admin form explains why a URL is refused.

    With private targets allowed nothing is resolved here (a dev front end's
    name may not exist yet); the send resolves it in any case.
    """
    try:
        _scheme, host, port = parse(value)
        if not settings.WEBHOOK_ALLOW_PRIVATE_TARGETS:
            resolve(host, port)
    except TargetRefused as exc:
        raise ValidationError(
            "This URL cannot receive webhooks: %(reason)s.",
            code="webhook_target_refused",
            params={"reason": exc},
        ) from exc
