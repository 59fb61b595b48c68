"""The treatment body editor in a real browser: the call-to-action block shows Page and Web
address only for the action that uses them, and the block picker reads "FAQ"."""

import pytest
from playwright.sync_api import expect

from .admin import add_block, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-test-pw-1"


def test_cta_fields_follow_the_chosen_action(new_page, sites_on_live_server, django_user_model):
    from treatments.models import TreatmentPage

    django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)
    base = f"http://localhost:{sites_on_live_server}"
    page = TreatmentPage.objects.get(slug="dry-needling", alias_of__isnull=True)
    browser = new_page()
    browser.set_default_timeout(60_000)  # the page editor is heavy on a loaded machine
    log_in(browser, base, "root", PASSWORD)
    browser.goto(f"{base}/admin/pages/{page.pk}/edit/")
    add_block(browser, "Call to action")
    block = browser.locator(".cta-block").last
    action = block.locator('select[name$="-value-action"]')
    page_field = block.locator('[data-contentpath="page"]')
    url_field = block.locator('[data-contentpath="url"]')
    expect(action).to_have_value("book")
    expect(page_field).to_be_hidden()
    expect(url_field).to_be_hidden()
    action.select_option("url")
    expect(url_field).to_be_visible()
    expect(page_field).to_be_hidden()
    action.select_option("page")
    expect(page_field).to_be_visible()
    expect(url_field).to_be_hidden()
    action.select_option("call")
    expect(page_field).to_be_hidden()

    browser.locator("button[title='Insert a block']").last.click()
    expect(browser.get_by_role("option", name="FAQ", exact=True)).to_have_count(1)
