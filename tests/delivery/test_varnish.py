"""A real Varnish (Debian's, with varnish-modules' xkey) in front of the live server.

Runs deploy/varnish/default.vcl as shipped, with the backend's port rewritten. A
publish purges by surrogate key: the clinic copies, their listing and the API are
fresh at Varnish on the next request, and a page the publish did not touch stays
cached. Skipped without varnishd unless REQUIRE_VARNISH_TESTS is set (CI sets it).
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd")

if VARNISHD is None and os.environ.get("REQUIRE_VARNISH_TESTS"):
    raise RuntimeError("REQUIRE_VARNISH_TESTS is set but varnishd is missing: make cluster-deps")
pytestmark = pytest.mark.skipif(VARNISHD is None, reason="varnishd missing: make cluster-deps")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def varnish(restored_db, live_server):
    work = Path(tempfile.mkdtemp(prefix="clinic-varnish-test-"))
    os.chmod(work, 0o755)  # noqa: S103 - varnishd's own user reads the VCL here
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = work / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8080";', f'.port = "{backend_port}";'))
    vcl.chmod(0o644)
    port = _free_port()
    process = subprocess.Popen(
        [
            *(VARNISHD, "-F", "-a", f"127.0.0.1:{port}", "-T", "none", "-f", str(vcl)),
            *("-n", str(work / "n"), "-s", "malloc,32m"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        with override_settings(SURROGATE_PURGE_URL=url):
            yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


def fetch(varnish, path, host="northeast.localhost", **headers):
    """GET through Varnish (a loopback http URL this module built)."""
    request = urllib.request.Request(varnish + path, headers={"Host": host, **headers})  # noqa: S310
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
        return response.headers, response.read().decode()


def test_a_publish_purges_by_key_at_varnish(varnish, library, clinics):
    from treatments.models import TreatmentPage

    massage = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="massage-therapy")
    paths = [
        "/treatments/dry-needling/",
        "/treatments/",
        "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary",
    ]
    untouched = f"/api/v2/pages/{massage.pk}/"
    for path in [*paths, untouched]:
        fetch(varnish, path)
        headers, _ = fetch(varnish, path)
        assert headers["X-Edge-Cache"] == "HIT", path
        assert "xkey" not in headers and "Cache-Tag" not in headers  # keys stay at the edge

    original = library["dry-needling"]
    original.summary = "Freshly reviewed summary for the edge"
    original.save_revision().publish()  # autocommit here: the purge goes out at once

    for path in paths:
        headers, body = fetch(varnish, path)
        assert headers["X-Edge-Cache"] == "MISS", path
        assert "Freshly reviewed summary for the edge" in body, path
    headers, _ = fetch(varnish, untouched)
    assert headers["X-Edge-Cache"] == "HIT"  # exact: massage therapy was not touched


def test_editors_and_the_admin_always_reach_the_app(varnish, library):
    for _ in range(2):
        headers, _ = fetch(varnish, "/treatments/dry-needling/")
    assert headers["X-Edge-Cache"] == "HIT"
    headers, _ = fetch(varnish, "/treatments/dry-needling/", Cookie="sessionid=abc")
    assert headers["X-Edge-Cache"] == "MISS"  # an editor reaches the app, though a copy is stored
    for _ in range(2):
        headers, _ = fetch(varnish, "/admin/login/")
    assert headers["X-Edge-Cache"] == "MISS"
