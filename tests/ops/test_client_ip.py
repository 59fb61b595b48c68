"""The throttling address: as far right in X-Forwarded-For as our own proxies go, no further."""

import pytest
from django.test import RequestFactory, override_settings

from cms.ops.client_ip import client_ip


def ip(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


@override_settings(TRUSTED_PROXY_COUNT=0, TRUSTED_PROXY_ADDRESSES=[])
def test_no_proxy_means_the_connecting_address():
    assert ip("203.0.113.5", "1.1.1.1") == "203.0.113.5"


@pytest.mark.parametrize(
    ("count", "addresses", "remote", "forwarded", "expected"),
    [
        # nginx on the machine (production defaults)
        (1, ["127.0.0.1", "::1"], "127.0.0.1", "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (1, ["127.0.0.1", "::1"], "::1", "203.0.113.5", "203.0.113.5"),
        # reached without nginx: the forged header is ignored
        (1, ["127.0.0.1", "::1"], "198.51.100.20", "203.0.113.5", "198.51.100.20"),
        # load balancer then nginx: two hops, each from a trusted address
        (2, ["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "6.6.6.6, 192.0.2.7, 10.1.2.3", "192.0.2.7"),
        # the second hop is not the load balancer: stop at it
        (2, ["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "6.6.6.6, 192.0.2.7", "192.0.2.7"),
        # no header, or fewer entries than proxies: the nearest known address
        (1, ["127.0.0.1"], "127.0.0.1", None, "127.0.0.1"),
        (2, [], "10.0.0.2", "203.0.113.5", "203.0.113.5"),
        # count only (no addresses): every hop up to the count is believed
        (1, [], "198.51.100.20", "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        # malformed entries end the walk at the proxy that passed them on
        (1, ["127.0.0.1"], "127.0.0.1", "not-an-ip", "127.0.0.1"),
        (1, ["127.0.0.1"], "127.0.0.1", "203.0.113.5, <script>", "127.0.0.1"),
        (1, ["::1"], "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_trusted_hops(count, addresses, remote, forwarded, expected):
    with override_settings(TRUSTED_PROXY_COUNT=count, TRUSTED_PROXY_ADDRESSES=addresses):
        assert ip(remote, forwarded) == expected
