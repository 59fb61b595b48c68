"""The client's IP address, for throttling (django-axes' AXES_CLIENT_IP_CALLABLE).

Behind proxies (nginx, a load balancer) REMOTE_ADDR is the nearest proxy, so
every client would share one address and one lockout. Each proxy appends the
address it received the request from to X-Forwarded-For, so the client is
found by walking from REMOTE_ADDR leftwards through that header, one hop per
proxy of ours, and stopping at the first address that is not one:

- at most TRUSTED_PROXY_COUNT hops are taken (0: REMOTE_ADDR is the client);
- when TRUSTED_PROXY_ADDRESSES lists networks, a hop is taken only from an
  address inside them, so a client that reaches the app directly (past the load
  balancer) is keyed on its own REMOTE_ADDR whatever X-Forwarded-For it forges.

Anything left of the last trusted hop was written by the client and is never
read. A malformed entry ends the walk at the proxy that passed it on.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(addresses):
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _is_trusted_proxy(address):
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXY_ADDRESSES", ())))
    return not networks or any(address in network for network in networks)


def client_ip(request):
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    hops = reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(","))
    client = remote
    for _ in range(getattr(settings, "TRUSTED_PROXY_COUNT", 0)):
        if client is None or not _is_trusted_proxy(client):
            break
        forwarded = _address(next(hops, ""))
        if forwarded is None:
            break
        client = forwarded
    return str(client) if client is not None else request.META.get("REMOTE_ADDR", "")
