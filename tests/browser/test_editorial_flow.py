"""The editorial day in a real browser: an editor writes a treatment and submits it for
clinical review, a reviewer approves it, every clinic that carries it shows it with its own
booking link, and a clinic manager updates the clinic's hours."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from .admin import add_block, expect_message, footer_action, log_in

# serialized_rollback: keep the rows migrations made (Wagtail's root page) across flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "browser-test-pw-1"


@pytest.fixture
def people(sites_on_live_server, django_user_model):
    from cms.editorial.models import ReviewerProfile
    from cms.editorial.roles import clinic_manager_group
    from cms.editorial.setup import ensure_editorial
    from home.models import ClinicPage

    ensure_editorial(log=lambda message: None)

    def user(username, first, last, *groups):
        person = django_user_model.objects.create_user(
            username, f"{username}@example.com", PASSWORD, first_name=first, last_name=last
        )
        person.groups.set(groups)
        return person

    reviewer = user("rita", "Rita", "Reviewer", Group.objects.get(name="Clinical reviewers"))
    ReviewerProfile.objects.create(user=reviewer, credentials="PT, MScPT")
    northeast = ClinicPage.objects.get(slug="northeast")
    return {
        "editor": user("erin", "Erin", "Editor", Group.objects.get(name="Editors")),
        "reviewer": reviewer,
        "manager": user("nora", "Nora", "Manager", clinic_manager_group(northeast)),
    }


def site_url(host, port, path="/"):
    return f"http://{host}:{port}{path}"


def test_editor_reviewer_and_clinic_manager(new_page, people, sites_on_live_server, clinics):
    from treatments.models import TreatmentPage

    port = sites_on_live_server
    brand = site_url("localhost", port).rstrip("/")
    library_index = TreatmentPage.objects.get(slug="dry-needling", alias_of__isnull=True)
    library_index = library_index.get_parent()

    # 1. The editor writes a treatment out of blocks.
    editor = new_page()
    log_in(editor, brand, "erin", PASSWORD)
    editor.goto(f"{brand}/admin/pages/add/treatments/treatmentpage/{library_index.pk}/")
    editor.fill("#id_title", "Cupping therapy")
    editor.fill("#id_summary", "Suction cups lift the skin and loosen the tissue under it.")

    add_block(editor, "Benefits")
    editor.fill("[name='body-0-value-heading']", "Why patients choose cupping")
    editor.fill("[name='body-0-value-items-0-value-title']", "Looser fascia")
    editor.fill("[name='body-0-value-items-0-value-description']", "Tissue glides again.")

    add_block(editor, "Safety")
    editor.fill("[name='body-1-value-heading']", "Is cupping safe?")
    editor.fill("[name='body-1-value-intro']", "Marks fade within a week.")
    editor.fill("[name='body-1-value-side_effects-0-value-name']", "Round marks")
    editor.fill("[name='body-1-value-side_effects-0-value-incidence']", "140")
    editor.fill("[name='body-1-value-side_effects_source-journal']", "Pain Medicine")
    editor.fill("[name='body-1-value-serious_risks']", "Burns only with fire cupping.")
    # Guidance is optional, so the list starts empty: the editor adds an item first.
    guidance = editor.locator("[name='body-1-value-guidance-count']").locator("xpath=..")
    expect(guidance.locator("[name='body-1-value-guidance-0-value-title']")).to_have_count(0)
    guidance.locator("button[data-streamfield-list-add]").first.click()
    editor.fill("[name='body-1-value-guidance-0-value-title']", "After your session")
    editor.fill("[name='body-1-value-guidance-0-value-text']", "Drink water and rest the area.")

    add_block(editor, "FAQ")
    editor.fill("[name='body-2-value-items-0-value-question']", "Does cupping hurt?")
    answer = editor.locator("[contenteditable='true']").last
    answer.click()
    answer.type("It feels like a firm pull.")

    add_block(editor, "Call to action")
    editor.fill("[name='body-3-value-heading']", "Try cupping")
    editor.fill("[name='body-3-value-button_label']", "Book cupping")

    # 2. Submitting with a 140 % incidence is refused, saying why, and keeps the input.
    footer_action(editor, "Submit to Clinical review")
    # ("created" or, when Wagtail's autosave already made a draft, "saved")
    expect_message(editor, "due to validation errors")
    incidence = editor.locator("[name='body-1-value-side_effects-0-value-incidence']")
    expect(editor.get_by_text("less than or equal to 100").first).to_be_visible()
    expect(editor.locator("#id_title")).to_have_value("Cupping therapy")
    assert not _submitted("cupping-therapy")

    # 3. The editor fixes the figure and submits it for clinical review.
    incidence.fill("16")
    footer_action(editor, "Submit to Clinical review")
    expect_message(editor, "submitted for moderation")
    page = TreatmentPage.objects.get(slug="cupping-therapy")
    assert not page.live
    safety = page.get_latest_revision_as_object().body[1].value
    assert [item["title"] for item in safety["guidance"]] == ["After your session"]

    # Two clinics carry it (aliases made as an editor would with "Create alias").
    for slug in ("northeast", "south"):
        index = clinics[slug].get_children().get(slug="treatments")
        page.create_alias(parent=index, update_slug="cupping-therapy")

    # 4. The reviewer approves; approval signs the review and publishes.
    reviewer = new_page()
    log_in(reviewer, brand, "rita", PASSWORD)
    reviewer.goto(f"{brand}/admin/pages/{page.pk}/edit/")
    footer_action(reviewer, "Approve and Publish")
    expect_message(reviewer, "'Cupping therapy' approved and published")
    page.refresh_from_db()
    assert page.live
    assert (page.reviewer_name, page.reviewer_credentials) == ("Rita Reviewer", "PT, MScPT")

    # 5. Each clinic carrying it shows it, booking at that clinic.
    visitor = new_page()
    for slug in ("northeast", "south"):
        clinic = clinics[slug]
        response = visitor.goto(site_url(clinic.hostname, port, "/treatments/cupping-therapy/"))
        assert response.status == 200, slug
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Cupping therapy")
        book = visitor.get_by_role("link", name="Book cupping")
        expect(book).to_have_attribute("href", clinic.booking_url)
        expect(visitor.get_by_text("Rita Reviewer").first).to_be_visible()
    response = visitor.goto(
        site_url(clinics["downtown"].hostname, port, "/treatments/cupping-therapy/")
    )
    assert response.status == 404  # Downtown does not carry it

    # 6. The Northeast manager changes Monday's opening time and sees it on the site.
    manager = new_page()
    log_in(manager, brand, "nora", PASSWORD)
    manager.goto(f"{brand}/admin/pages/{clinics['northeast'].pk}/edit/")
    manager.fill("[name='hours-0-opens']", "06:45")
    # The browser's own time input (compact hours editor): no picker covers the footer.
    expect(manager.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    footer_action(manager, "Publish")
    expect_message(manager, "has been published")
    visitor.goto(site_url(clinics["northeast"].hostname, port))
    expect(visitor.locator("table.hours")).to_contain_text("06:45")
    visitor.goto(site_url(clinics["south"].hostname, port))
    expect(visitor.locator("table.hours")).not_to_contain_text("06:45")


def _submitted(slug):
    """Whether a page with this slug is in a workflow (a draft may exist after autosave)."""
    from wagtail.models import WorkflowState

    from treatments.models import TreatmentPage

    page = TreatmentPage.objects.filter(slug=slug).first()
    return page is not None and WorkflowState.objects.for_instance(page).exists()
