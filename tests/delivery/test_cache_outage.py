"""Invalidations made while Redis is paused hold when it resumes (a real redis-server, not a fake).

The test starts its own redis-server on a free loopback port (a temporary folder,
no persistence), pauses it (SIGSTOP, or CLIENT PAUSE WRITE: reads answer, writes are lost), unpublishes and
publishes pages meanwhile, and resumes it: the invalidations the cache never
received must not be undone, in the shared cache or in this process's copy.
"""

import contextlib
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.delivery import epoch
from treatments.models import TreatmentPage


def _free_port():
    """One per process: pytest-xdist workers may run these tests at the same time."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
DRY = "/treatments/dry-needling/"
MASSAGE = "/treatments/massage-therapy/"
NORTHEAST = "northeast.localhost"
NEW_SUMMARY = "Published while Redis was paused."


@pytest.fixture
def real_redis(tmp_path, settings):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    process = subprocess.Popen(
        [binary, "--port", str(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    control = redis.Redis(port=PORT, socket_timeout=5)  # only to wait for it to answer
    try:
        for _ in range(100):
            with contextlib.suppress(redis.ConnectionError):
                if control.ping():
                    break
            time.sleep(0.05)
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{PORT}/0",
                "KEY_PREFIX": "cms",
                "OPTIONS": {
                    "IGNORE_EXCEPTIONS": True,
                    "SOCKET_CONNECT_TIMEOUT": 0.5,
                    "SOCKET_TIMEOUT": 0.5,
                },
            },
            "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        }
        settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
        yield process
    finally:
        process.send_signal(signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def paused(real_redis, how):
    process = real_redis
    if how == "sigstop":
        process.send_signal(signal.SIGSTOP)
    else:  # writes of clients that give up waiting are dropped: they are lost
        cli("CLIENT", "PAUSE", "600000", "WRITE")
    try:
        yield
    finally:
        if how == "sigstop":
            process.send_signal(signal.SIGCONT)
        else:
            cli("CLIENT", "UNPAUSE")


def cli(*args):
    subprocess.run(
        ["redis-cli", "-p", str(PORT), *args], check=True, capture_output=True, timeout=10
    )


def get(client, path):
    return client.get(path, HTTP_HOST=NORTHEAST)


def warm(client, path):
    """Miss, hit from Redis, hit from this process's copy."""
    responses = [get(client, path) for _ in range(3)]
    assert [r["X-Cache"] for r in responses] == ["MISS", "HIT", "HIT"]


@pytest.mark.parametrize("how", ["pause-writes", "sigstop"])
def test_unpublish_and_publish_during_a_pause_hold_after_resume(
    client, library, clinics, real_redis, how
):
    warm(client, DRY)
    warm(client, MASSAGE)
    dry = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")

    with paused(real_redis, how):
        dry.unpublish()
        massage = library["massage-therapy"]
        massage.summary = NEW_SUMMARY
        massage.save_revision().publish()
        assert get(client, DRY).status_code == 404  # served from the database meanwhile

    for _ in range(3):  # shared cache and local copy alike
        assert get(client, DRY).status_code == 404
        response = get(client, MASSAGE)
        assert NEW_SUMMARY in response.content.decode(), response["X-Cache"]
    assert get(client, MASSAGE)["X-Cache"] == "HIT"  # caching resumed


def test_hits_after_resume_cost_no_query(client, library, real_redis):
    with paused(real_redis, "pause-writes"):
        library["massage-therapy"].save_revision().publish()
    assert get(client, MASSAGE)["X-Cache"] == "MISS"
    for _ in range(2):  # from Redis, then from this process's copy
        with CaptureQueriesContext(connection) as queries:
            assert get(client, MASSAGE)["X-Cache"] == "HIT"
        assert len(queries) == 0


def test_a_publish_that_reaches_redis_keeps_the_epoch(client, library, real_redis):
    before = epoch.current()
    warm(client, DRY)
    library["massage-therapy"].save_revision().publish()
    assert epoch.current() == before
    assert get(client, DRY)["X-Cache"] == "HIT"  # exact invalidation, nothing else dropped
