"""axe-core, run inside chromium on the public pages: no serious or critical violation.

axe.min.js comes from the axe-playwright-python package in requirements-dev.txt.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import NoReverseMatch, reverse

# serialized_rollback: keep the rows migrations made (Wagtail's root page) across flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BLOCKING = {"serious", "critical"}


def _search_path():
    try:
        return reverse("search") + "?q=needling"
    except NoReverseMatch:
        return None


def _pages(clinics):
    northeast = clinics["northeast"].hostname
    pages = {
        "brand home": ("localhost", "/"),
        "clinic home": (northeast, "/"),
        "treatment page": (northeast, "/treatments/dry-needling/"),
    }
    if _search_path():
        pages["search page"] = (northeast, _search_path())
    return pages


@pytest.mark.parametrize("name", ["brand home", "clinic home", "treatment page", "search page"])
def test_no_serious_or_critical_axe_violation(name, new_page, sites_on_live_server, clinics):
    pages = _pages(clinics)
    if name not in pages:
        pytest.skip("no /search/ page in this build (the search app has no 'search' URL yet)")
    host, path = pages[name]
    page = new_page()
    response = page.goto(f"http://{host}:{sites_on_live_server}{path}")
    assert response.status == 200
    violations = Axe().run(page).response["violations"]
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    assert not blocking, "\n".join(blocking)


def test_the_scan_reports_a_real_violation(new_page):
    """The check above can fail: an image with no text alternative is a critical violation."""
    page = new_page()
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    impacts = {v["id"]: v["impact"] for v in Axe().run(page).response["violations"]}
    assert impacts.get("image-alt") == "critical"
