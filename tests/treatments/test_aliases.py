"""Authored once, published everywhere: aliases follow the original until converted."""

from wagtail.actions.convert_alias import ConvertAliasPageAction

from treatments.models import TreatmentPage
from treatments.offerings import clinics_offering


def _clinic_copy(clinic, slug="dry-needling"):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def test_publishing_the_original_updates_every_clinic(client, library, clinics):
    original = library["dry-needling"]
    original.summary = "A brand new summary for every clinic."
    original.save_revision().publish()
    for slug in ("northeast", "downtown"):
        html = client.get(
            "/treatments/dry-needling/", HTTP_HOST=f"{slug}.localhost"
        ).content.decode()
        assert "A brand new summary for every clinic." in html


def test_a_draft_of_the_original_reaches_no_clinic(client, library):
    original = library["dry-needling"]
    original.summary = "Draft-only words."
    original.save_revision()
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        html = client.get("/treatments/dry-needling/", HTTP_HOST=host).content.decode()
        assert "Draft-only words." not in html


def test_converted_alias_diverges_and_still_counts_as_offering(client, library, clinics):
    original = library["dry-needling"]
    local = _clinic_copy(clinics["downtown"])
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    assert local.alias_of_id is None and local.library_page_id == original.pk

    local.summary = "Downtown has its own take."
    local.save_revision().publish()
    original.summary = "Library summary update."
    original.save_revision().publish()

    downtown = client.get(
        "/treatments/dry-needling/", HTTP_HOST="downtown.localhost"
    ).content.decode()
    northeast = client.get(
        "/treatments/dry-needling/", HTTP_HOST="northeast.localhost"
    ).content.decode()
    assert "Downtown has its own take." in downtown and "Library summary update." not in downtown
    assert "Library summary update." in northeast
    assert [c.slug for c in clinics_offering(original)] == ["downtown", "northeast"]


def test_editors_see_which_clinics_carry_the_original(admin_client, library, clinics):
    from bs4 import BeautifulSoup
    from django.urls import reverse

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[library["dry-needling"].pk]))
    rows = BeautifulSoup(html.content, "html.parser").select("tr[data-clinic]")
    states = {row["data-clinic"]: row["data-state"] for row in rows}
    assert states == {"northeast": "offered", "downtown": "offered", "south": "not_offered"}
    assert "Create alias" not in html.content.decode()


def test_unpublished_alias_removes_the_clinic_from_the_offering(library, clinics):
    original = library["dry-needling"]
    _clinic_copy(clinics["northeast"]).unpublish()
    assert [c.slug for c in clinics_offering(original)] == ["downtown"]
