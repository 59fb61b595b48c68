"""The public design in a real browser: screenshots at phone and laptop widths, no sideways scroll.

Screenshots of the brand home, a clinic home, a treatment page and a tag page at
390 and 1366 px are written to test-artifacts/screenshots/ (CI keeps the folder
as an artifact; see docs/design.md). Media files live in the test storage
(InMemoryStorage), so the browser's /media/ requests are answered from it.
"""

import pytest
from django.utils import timezone

from .conftest import ARTIFACTS
from .media import route_media

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = ARTIFACTS / "screenshots"
SHOWN = {
    "brand-home": ("localhost", "/"),
    "clinic-home": ("northeast.localhost", "/"),
    "treatment-page": ("northeast.localhost", "/treatments/dry-needling/"),
    "tag-page": ("localhost", "/tags/back-pain/"),
}
EVERY_PAGE_TYPE = {
    **SHOWN,
    "brand-treatment-page": ("localhost", "/treatments/dry-needling/"),
    "treatment-index": ("northeast.localhost", "/treatments/"),
    "clinic-tag-page": ("south.localhost", "/tags/back-pain/"),
    "search-page": ("northeast.localhost", "/search/?q=pain"),
}


def _open(new_page, port, host, path, width):
    page = new_page()
    page.set_viewport_size({"width": width, "height": 900})
    route_media(page)
    response = page.goto(f"http://{host}:{port}{path}")
    assert response.status == 200, f"{host}{path}: {response.status}"
    return page


def _load_every_image(page):
    """Lazy images below the fold load before a full-page screenshot."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_function("[...document.images].every(i => i.complete)")


def _sideways_overflow(page):
    """Elements that stick out past the viewport's right edge (none when the page fits)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1
                             && !e.closest('.table-scroll, svg'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className);
        }"""
    )


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("name", list(SHOWN))
def test_screenshot(name, width, new_page, sites_on_live_server):
    host, path = SHOWN[name]
    page = _open(new_page, sites_on_live_server, host, path, width)
    _load_every_image(page)
    broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
    assert not broken, f"images that did not load: {broken}"
    assert page.locator(".site-header .logo-mark").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    assert _sideways_overflow(page) == []


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(width, new_page, sites_on_live_server):
    overflowing = {}
    for name, (host, path) in EVERY_PAGE_TYPE.items():
        page = _open(new_page, sites_on_live_server, host, path, width)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            overflowing[name] = (scroll_width, _sideways_overflow(page))
    assert overflowing == {}


def test_the_comparison_table_scrolls_inside_its_own_box(new_page, sites_on_live_server):
    host, path = SHOWN["treatment-page"]
    page = _open(new_page, sites_on_live_server, host, path, 390)
    box = page.locator(".block-comparison .table-scroll")
    sizes = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1], "at 390 px the table is wider than its box, which scrolls"
    assert box.get_attribute("tabindex") == "0"  # keyboard users can scroll it too


def test_clinic_home_shows_its_treatments_today_directions_and_facts(
    new_page, sites_on_live_server, clinics
):
    northeast = clinics["northeast"]
    page = _open(new_page, sites_on_live_server, "northeast.localhost", "/", 1366)
    cards = page.locator(".treatment-card .card-title a")
    assert cards.count() >= 1
    today = timezone.localdate().strftime("%A")
    assert page.locator("tr.today th").inner_text().startswith(today)
    assert page.locator("tr[aria-current=date]").count() == 1
    directions = page.get_by_role("link", name="Get directions")
    assert f"{northeast.latitude},{northeast.longitude}" in directions.get_attribute("href")
    footer = page.locator(".site-footer")
    assert northeast.street_address in footer.inner_text()
    assert footer.locator(f'a[href="tel:{northeast.phone}"]').count() == 1


def test_brand_home_has_treatments_and_a_clinic_locator(new_page, sites_on_live_server, clinics):
    page = _open(new_page, sites_on_live_server, "localhost", "/", 1366)
    assert page.locator(".treatment-card img").count() >= 4
    pins = page.locator(".locator-map .pin")
    assert pins.count() == len(clinics)
    assert page.locator(".clinic-list > li").count() == len(clinics)


def test_the_booking_buttons_on_the_brand_show_no_bullets(new_page, sites_on_live_server):
    page = _open(new_page, sites_on_live_server, "localhost", "/treatments/dry-needling/", 1366)
    links = page.locator(".cta-links li")
    assert links.count() > 1
    styles = links.first.evaluate("e => getComputedStyle(e).listStyleType")
    assert styles == "none"
