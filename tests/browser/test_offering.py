"""Offering and withdrawing in a real browser: the editor presses one button in the library
page's Clinics panel and South's site carries the treatment with South's booking link; the
Withdraw button takes it off again and its address redirects; South's manager sees South's
column of the Clinic offerings report and acts there."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from .admin import expect_message, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-test-pw-1"


def test_offer_and_withdraw_from_the_panel_and_the_report(
    new_page, sites_on_live_server, clinics, library, django_user_model
):
    from cms.editorial.roles import clinic_manager_group
    from cms.editorial.setup import ensure_editorial

    ensure_editorial(log=lambda message: None)
    editor_user = django_user_model.objects.create_user("erin", "erin@example.com", PASSWORD)
    editor_user.groups.set([Group.objects.get(name="Editors")])
    manager_user = django_user_model.objects.create_user("sam", "sam@example.com", PASSWORD)
    manager_user.groups.set([clinic_manager_group(clinics["south"])])

    port = sites_on_live_server
    brand = f"http://localhost:{port}"
    south = clinics["south"]
    south_page = f"http://{south.hostname}:{port}/treatments/dry-needling/"
    original = library["dry-needling"]

    editor = new_page()
    log_in(editor, brand, "erin", PASSWORD)
    editor.goto(f"{brand}/admin/pages/{original.pk}/edit/")
    editor.get_by_role("button", name=f"Offer Dry needling at {south.title}").click()
    expect_message(editor, f"Dry needling is now offered at {south.title}")
    expect(editor.locator("tr[data-clinic=south]")).to_have_attribute("data-state", "offered")

    visitor = new_page()
    assert visitor.goto(south_page).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Dry needling")
    booking = visitor.locator(f"a[href='{south.booking_url}']")
    expect(booking.first).to_be_visible()

    editor.get_by_role("button", name=f"Withdraw Dry needling from {south.title}").click()
    expect_message(editor, f"Dry needling is withdrawn from {south.title}")
    response = visitor.goto(south_page)
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.response().status == 301
    assert re.search(r"/treatments/$", visitor.url)

    manager = new_page()
    log_in(manager, brand, "sam", PASSWORD)
    manager.goto(f"{brand}/admin/reports/clinic-offerings/")
    expect(manager.locator("td[data-clinic]")).to_have_count(4)  # South's column only
    manager.get_by_role("button", name=f"Offer Dry needling at {south.title}").click()
    expect_message(manager, f"Dry needling is now offered at {south.title}")
    assert visitor.goto(south_page).status == 200
