"""Playwright (sync) on Debian's chromium against pytest-django's live server.

Never downloads a browser: it launches /usr/bin/chromium, which `make browser-deps`
installs (and .ci/run calls). Without it every browser test is skipped, saying why.
A failed test leaves a screenshot in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]

# Never fetch a browser build, whatever calls Playwright.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists() and os.environ.get("REQUIRE_BROWSER_TESTS"):
                raise pytest.UsageError(
                    f"REQUIRE_BROWSER_TESTS is set but {CHROMIUM} is missing: run `make browser-deps`"
                )
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"{CHROMIUM} is not installed: run `make browser-deps` "
                        "(apt-get install chromium) to run the browser tests"
                    )
                )


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    make between browser steps are synchronous and safe. Set for browser tests only,
    so nothing else (such as `check --deploy` in a subprocess) inherits it."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def chromium(_orm_beside_playwright):
    """One headless chromium per test (about a second), so the event loop Playwright
    runs in this thread ends with the test and never meets other tests' ORM calls."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def sites_on_live_server(restored_db, live_server, library):
    """Every Site (brand and clinics) answering on the live server's port."""
    from wagtail.models import Site

    port = int(live_server.url.rsplit(":", 1)[1])
    Site.objects.update(port=port)
    Site.clear_site_root_paths_cache()  # update() sends no signal; links to other sites need it
    return port


@pytest.fixture
def new_page(chromium, request):
    """Open browser pages (one context per call); screenshot them all if the test failed."""
    contexts = []

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for i, context in enumerate(contexts):
            for j, page in enumerate(context.pages):
                page.screenshot(path=str(ARTIFACTS / f"{name}-{i}-{j}.png"), full_page=True)
    for context in contexts:
        context.close()
