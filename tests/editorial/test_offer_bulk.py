"""Offer or withdraw many library treatments at one clinic from the library's page listing."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import PageLogEntry

from treatments.models import TreatmentPage
from treatments.offering_actions import OFFER_ACTION, WITHDRAW_ACTION

pytestmark = pytest.mark.django_db


def bulk_url(action, pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return f"{url}?{urlencode([('id', page.pk) for page in pages])}"


def carried_at(clinic):
    pages = TreatmentPage.objects.descendant_of(clinic).exclude(alias_of__isnull=True)
    return set(pages.values_list("slug", flat=True))


def test_the_library_listing_offers_the_bulk_actions(editor, as_user, library):
    listing = reverse("wagtailadmin_explore", args=[library["dry-needling"].get_parent().pk])
    html = as_user(editor).get(listing).content.decode()
    assert "Offer at a clinic" in html and "Withdraw from a clinic" in html


def test_an_editor_offers_and_withdraws_many_treatments_at_south(editor, as_user, library, clinics):
    client = as_user(editor)
    south = clinics["south"]
    index = library["dry-needling"].get_parent()
    northeast_alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).first()
    picked = [library["dry-needling"], library["massage-therapy"], index, northeast_alias]
    url = bulk_url("offer_at_clinic", picked)

    page = BeautifulSoup(client.get(url).content, "html.parser")
    options = [option.get_text() for option in page.select("select[name=clinic] option")]
    assert options == sorted(clinic.title for clinic in clinics.values())
    listed = page.get_text()
    assert "Dry needling" in listed and "not library treatments" in listed

    response = client.post(url, {"clinic": south.pk}, follow=True)
    assert "1 treatment(s) offered at" in response.content.decode()
    assert "1 left as they were (already there)" in response.content.decode()  # massage
    assert carried_at(south) == {
        "dry-needling",
        "massage-therapy",
        "shockwave-therapy",
        "vestibular-rehabilitation",
    }
    assert Client().get("/treatments/dry-needling/", HTTP_HOST=south.hostname).status_code == 200

    url = bulk_url("withdraw_from_clinic", [library["dry-needling"], library["massage-therapy"]])
    response = client.post(url, {"clinic": south.pk}, follow=True)
    assert "2 treatment(s) withdrawn from" in response.content.decode()
    assert carried_at(south) == {"shockwave-therapy", "vestibular-rehabilitation"}
    for slug in ("dry-needling", "massage-therapy"):
        gone = Client().get(f"/treatments/{slug}/", HTTP_HOST=south.hostname)
        assert gone.status_code == 301
    actions = PageLogEntry.objects.filter(action__in=[OFFER_ACTION, WITHDRAW_ACTION], user=editor)
    assert actions.count() == 3
    assert carried_at(clinics["northeast"]) == {  # the alias picked with them was left alone
        "dry-needling",
        "massage-therapy",
        "shockwave-therapy",
        "vestibular-rehabilitation",
    }


def test_a_manager_bulk_acts_at_their_clinic_only(managers, as_user, library, clinics):
    client = as_user(managers["northeast"])
    url = bulk_url("withdraw_from_clinic", [library["dry-needling"], library["massage-therapy"]])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    options = [option.get_text() for option in page.select("select[name=clinic] option")]
    assert options == [clinics["northeast"].title]

    before = carried_at(clinics["south"])
    response = client.post(url, {"clinic": clinics["south"].pk})  # crafted: not in the list
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert carried_at(clinics["south"]) == before
    assert not PageLogEntry.objects.filter(action=WITHDRAW_ACTION).exists()

    response = client.post(url, {"clinic": clinics["northeast"].pk})
    assert response.status_code == 302
    assert carried_at(clinics["northeast"]) == {"shockwave-therapy", "vestibular-rehabilitation"}


def test_someone_without_offering_rights_acts_on_nothing(reviewer, as_user, library, clinics):
    client = as_user(reviewer)
    url = bulk_url("offer_at_clinic", [library["dry-needling"]])
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert not page.select("select[name=clinic] option")
    client.post(url, {"clinic": clinics["south"].pk})
    assert "dry-needling" not in carried_at(clinics["south"])
