"""SEO staff in a real browser: the live character counters and search-result preview
follow what they type, "Publish SEO changes" puts a meta description live at once with
the review stamp intact, and the tag list fits a 1366 px screen (screenshots in
test-artifacts/screenshots/)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from .admin import expect_message, footer_action, log_in
from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-test-pw-1"
DESCRIPTION = "Dry needling in Calgary: how it eases trigger points, what a visit involves, safety."


@pytest.fixture
def seo_user(sites_on_live_server, django_user_model):
    from cms.editorial.setup import ensure_editorial
    from cms.seo.roles import SEO_STAFF, ensure_seo_roles

    ensure_editorial(log=lambda message: None)
    ensure_seo_roles()
    user = django_user_model.objects.create_user("sam", "sam@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=SEO_STAFF))
    return user


def test_counters_preview_and_publishing_a_description(new_page, seo_user, sites_on_live_server):
    from treatments.models import TreatmentPage

    base = f"http://localhost:{sites_on_live_server}"
    page = TreatmentPage.objects.get(slug="dry-needling", alias_of__isnull=True)
    stamp = page.review
    assert stamp is not None
    browser = new_page()
    browser.set_default_timeout(60_000)  # the page editor is heavy on a loaded machine
    log_in(browser, base, "sam", PASSWORD)
    browser.goto(f"{base}/admin/pages/{page.pk}/edit/")
    browser.get_by_role("tab", name="Promote").click()

    description = browser.locator("#id_search_description")
    description.fill("Too short.")
    counter = browser.locator("#id_search_description-count")
    expect(counter).to_have_text("10 characters (aim for 70–160): too short")
    expect(browser.locator("[data-seo-serp-description]")).to_have_text("Too short.")
    description.fill("")
    expect(counter).to_contain_text("empty")
    expect(browser.locator("[data-seo-serp-description]")).to_have_text(
        browser.locator("[data-seo-serp]").get_attribute("data-fallback-description")
    )
    description.fill(DESCRIPTION)
    expect(counter).to_have_text(f"{len(DESCRIPTION)} characters (aim for 70–160): good")
    title = browser.locator("#id_seo_title")
    title.fill("Dry needling in Calgary | A very long title tag that goes on and on")
    expect(browser.locator("#id_seo_title-count")).to_contain_text("too long")
    title.fill("Dry needling in Calgary | Trigger point relief")
    expect(browser.locator("#id_seo_title-count")).to_contain_text("good")
    expect(browser.locator("[data-seo-serp-title]")).to_have_text(
        "Dry needling in Calgary | Trigger point relief"
    )
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    browser.locator("[data-seo-serp]").screenshot(
        path=str(ARTIFACTS / "screenshots" / "admin-serp-preview.png")
    )

    footer_action(browser, "Publish SEO changes")
    expect_message(browser, "SEO changes to 'Dry needling' published")
    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.search_description == DESCRIPTION and live.review == stamp

    visitor = new_page()
    visitor.goto(live.full_url)
    expect(visitor.locator('meta[name="description"]')).to_have_attribute("content", DESCRIPTION)


def test_the_tag_list_fits_1366_px(new_page, seo_user, sites_on_live_server):
    base = f"http://localhost:{sites_on_live_server}"
    browser = new_page()
    browser.set_viewport_size({"width": 1366, "height": 900})
    log_in(browser, base, "sam", PASSWORD)
    browser.goto(f"{base}/admin/snippets/treatments/treatmenttag/")
    table = browser.locator("table.tag-usage")
    expect(table).to_be_visible()
    last_header = table.locator("thead th").last
    box = last_header.bounding_box()
    assert box["x"] + box["width"] <= 1366, box
    scroll = browser.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll[0] <= scroll[1], scroll
    # No tag name breaks: each name's text sits on one line (one distinct line top).
    lines = browser.evaluate(
        """() => [...document.querySelectorAll('table.tag-usage td.title a')].map(a => {
            const range = document.createRange(); range.selectNodeContents(a);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; })"""
    )
    assert lines and max(lines) == 1, lines
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    browser.screenshot(path=str(ARTIFACTS / "screenshots" / "admin-tags-1366.png"), full_page=True)
