"""The cache epoch: each process rereads it once per RESPONSE_CACHE_EPOCH_TTL, hits stay query-free."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.delivery import dependencies, epoch
from cms.delivery.models import CacheEpoch

DRY = "/treatments/dry-needling/"
NORTHEAST = "northeast.localhost"


@pytest.fixture
def clock(monkeypatch, settings):
    settings.RESPONSE_CACHE_EPOCH_TTL = 1
    now = [1000.0]
    monkeypatch.setattr(epoch, "_clock", lambda: now[0])
    return now


def get(client):
    return client.get(DRY, HTTP_HOST=NORTHEAST)


def test_a_hit_rereads_the_epoch_once_per_ttl(client, library, clock):
    assert get(client)["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        assert get(client)["X-Cache"] == "HIT"
    assert len(queries) == 0
    clock[0] += 1.5
    with CaptureQueriesContext(connection) as queries:
        assert get(client)["X-Cache"] == "HIT"
    assert len(queries) == 1  # the epoch, once per process per TTL
    with CaptureQueriesContext(connection) as queries:
        assert get(client)["X-Cache"] == "HIT"
    assert len(queries) == 0


def test_an_epoch_advanced_by_another_process_is_seen_within_the_ttl(client, library, clock):
    get(client)
    assert get(client)["X-Cache"] == "HIT"
    CacheEpoch.objects.update_or_create(pk=epoch.EPOCH_ID, defaults={"value": 41})
    clock[0] += 1.5
    assert get(client)["X-Cache"] == "MISS"
    assert get(client)["X-Cache"] == "HIT"


def test_a_failed_invalidation_write_drops_every_cached_response(
    client, library, clock, monkeypatch
):
    get(client)
    massage = client.get("/treatments/massage-therapy/", HTTP_HOST=NORTHEAST)
    assert massage["X-Cache"] == "MISS"
    before = epoch.current()
    monkeypatch.setattr(dependencies, "_write", lambda values: False)
    library["dry-needling"].save_revision().publish()
    assert epoch.current() > before
    assert get(client)["X-Cache"] == "MISS"
    # Pages the lost invalidation may not have named are dropped too.
    assert client.get("/treatments/massage-therapy/", HTTP_HOST=NORTHEAST)["X-Cache"] == "MISS"
