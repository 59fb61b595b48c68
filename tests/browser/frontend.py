"""The reference Next.js front end (frontend/) as a test fixture: built once, one process per clinic.

`make frontend-build` builds it when a source changed (npm ci first when the lock changed), so a
warm run costs only the start (a few seconds). Each started front end gets an empty Next data
cache, because the database is re-seeded between tests and cached API answers must not leak.
Without node the tests are skipped; with REQUIRE_BROWSER_TESTS (CI) that is a failure.
"""

import fcntl
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
NEXT = ROOT / "node_modules" / ".bin" / "next"
BUILD_TIMEOUT = 20 * 60
START_TIMEOUT = 90


def require_node():
    if shutil.which("node") and shutil.which("npm"):
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        pytest.fail("REQUIRE_BROWSER_TESTS is set but node/npm are missing: install Node.js 20")
    pytest.skip("node and npm are not installed: the front-end browser tests need Node.js 20")


def build():
    """`make frontend-build`: npm ci when needed, next build when a source changed.

    Under a file lock: pytest-xdist workers would otherwise build into one .next at once.
    """
    started = time.monotonic()
    with (ROOT / ".frontend-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = _make_frontend_build()
    if result.returncode:
        pytest.fail(f"front-end build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return time.monotonic() - started


def _make_frontend_build():
    return subprocess.run(  # nosec B603 (a fixed command, no user input)
        ["make", "-s", "frontend-build"],  # nosec B607
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        env={**os.environ, "NEXT_TELEMETRY_DISABLED": "1"},
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FrontEnd:
    """One `next start` for one clinic (CLINIC_SITE), against the live Django server."""

    def __init__(self, site, api_url, webhook_secret):
        self.site = site
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "CLINIC_SITE": site,
            "CMS_API_URL": api_url,
            "CMS_WEBHOOK_SECRET": webhook_secret,
            "NEXT_TELEMETRY_DISABLED": "1",
            "NODE_ENV": "production",
        }
        self.log = (ROOT / "test-artifacts").joinpath(f"frontend-{site.split('.')[0]}.log")
        self.log.parent.mkdir(exist_ok=True)
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(  # nosec B603 (fixed arguments)
            [str(NEXT), "start", "-p", str(self.port), "-H", "127.0.0.1"],
            cwd=FRONTEND,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the front end exited: {self.log.read_text()[-2000:]}")
            try:
                # Any answer (even an error page) means the server listens.
                urllib.request.urlopen(f"{self.url}/treatments/nope/", timeout=30)  # noqa: S310  # nosec B310
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.25)
        pytest.fail(
            f"the front end did not start in {START_TIMEOUT}s: {self.log.read_text()[-2000:]}"
        )

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()


def clear_data_cache():
    """Next keeps fetched API answers in .next/cache/fetch-cache across restarts: start empty."""
    shutil.rmtree(FRONTEND / ".next" / "cache" / "fetch-cache", ignore_errors=True)
