"""Steps in the Wagtail admin as a person takes them in the browser."""

import re

from playwright.sync_api import expect


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def add_block(page, label):
    """Append a StreamField block through the "Insert a block" chooser."""
    page.locator("button[title='Insert a block']").last.click()
    option = page.get_by_role("option", name=label, exact=True)
    if not option.count():
        option = page.locator("button", has_text=re.compile(rf"^\s*{label}\s*$"))
    option.first.click()


def footer_action(page, label):
    """Click an action of the page editor's footer menu, opening "More actions" if needed."""
    button = page.get_by_role("button", name=label, exact=True)
    if not button.first.is_visible():
        page.get_by_role("button", name="More actions").click()
    button.first.click()


def expect_message(page, text):
    expect(page.locator(".messages")).to_contain_text(text)
