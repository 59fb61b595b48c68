"""One rule for "offered" (treatments/offerings.py): a visitor can open the clinic's copy.

Each way a copy can be out of a visitor's reach (the copy, its treatments index
or its clinic unpublished, expired or restricted) takes the clinic off the
brand's "Offered at", its booking buttons and the API at once; the lookup costs
the same number of queries for 2 clinics and 2 treatments as for 6 and 8.
"""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from home.models import ClinicPage
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.offerings import State, clinics_offering, offering_grid, offerings_for

pytestmark = pytest.mark.django_db
DRY = "/treatments/dry-needling/"


def copy_at(clinic, slug="dry-needling"):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def index_at(clinic):
    return TreatmentIndexPage.objects.child_of(clinic).get()


def expire_in(page, seconds):
    """An expiry date ahead, which the scheduler will not have acted on when it passes."""
    moment = timezone.now() + datetime.timedelta(seconds=seconds)
    type(page).objects.filter(pk=page.pk).update(expire_at=moment)
    return moment


HIDE = {
    "copy unpublished": lambda clinic: copy_at(clinic).unpublish(),
    "index unpublished": lambda clinic: index_at(clinic).unpublish(),
    "index restricted": lambda clinic: PageViewRestriction.objects.create(
        page=index_at(clinic), restriction_type="login"
    ),
    "clinic unpublished": lambda clinic: ClinicPage.objects.get(pk=clinic.pk).unpublish(),
    "clinic restricted": lambda clinic: PageViewRestriction.objects.create(
        page=clinic, restriction_type="password", password="x"
    ),
}


def brand_names(client, clinics, path=DRY):
    """Clinic slugs the brand's page names in "Offered at" and in its booking links."""
    soup = BeautifulSoup(client.get(path, HTTP_HOST="localhost").content, "html.parser")
    offered_at = (
        soup.select_one("header .meta").get_text() if soup.select_one("header .meta") else ""
    )
    hrefs = {a["href"] for a in soup.select("section.cta a")}
    named = {slug for slug, c in clinics.items() if c.title in offered_at}
    booked = {slug for slug, c in clinics.items() if c.booking_url in hrefs}
    return named, booked


def api_booking(client, clinics, pk):
    body = client.get(f"/api/v2/pages/{pk}/", HTTP_HOST="localhost").json()["body"]
    hrefs = {
        link["href"] for block in body if block["type"] == "cta" for link in block["value"]["links"]
    }
    return {slug for slug, c in clinics.items() if c.booking_url in hrefs}


@pytest.mark.parametrize("how", HIDE)
def test_a_copy_out_of_reach_is_not_offered_anywhere(client, library, clinics, how):
    original = library["dry-needling"]
    assert brand_names(client, clinics) == ({"northeast", "downtown"},) * 2  # cached now
    HIDE[how](clinics["downtown"])

    assert [c.slug for c in clinics_offering(original)] == ["northeast"]
    assert brand_names(client, clinics) == ({"northeast"},) * 2, how
    assert api_booking(client, clinics, original.pk) == {"northeast"}
    cell = offering_grid([original.pk])[original.pk, clinics["downtown"].pk]
    assert cell.state is State.NOT_LIVE and cell.reason, how


def test_an_expiry_takes_the_clinic_off_at_its_second_cached_or_not(client, library, clinics):
    massage = "/treatments/massage-therapy/"
    # Long enough for the requests below on a busy machine; then the test waits for the expiry.
    expires = expire_in(copy_at(clinics["downtown"]), 5)
    expire_in(index_at(clinics["northeast"]), 5)
    expire_in(clinics["south"], 5)
    assert brand_names(client, clinics) == ({"northeast", "downtown"},) * 2
    assert brand_names(client, clinics, massage) == ({"northeast", "downtown", "south"},) * 2
    assert client.get(DRY, HTTP_HOST="localhost")["X-Cache"] == "HIT"

    time.sleep(max(0, (expires - timezone.now()).total_seconds()) + 0.1)  # no scheduler run

    assert brand_names(client, clinics) == (set(), set())
    assert brand_names(client, clinics, massage) == ({"downtown"},) * 2
    grid = offering_grid([library["dry-needling"].pk])
    reasons = {
        clinic.slug: grid[library["dry-needling"].pk, clinic.pk].reason
        for clinic in clinics.values()
    }
    assert reasons == {"northeast": "treatments index not live", "downtown": "expired", "south": ""}


def test_a_converted_copy_is_offered_as_a_local_copy(library, clinics):
    original = library["dry-needling"]
    local = copy_at(clinics["downtown"])
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    grid = offering_grid([original.pk])
    downtown = grid[original.pk, clinics["downtown"].pk]
    assert downtown.state is State.LOCAL and not downtown.changed_since_conversion
    assert grid[original.pk, clinics["northeast"].pk].state is State.OFFERED
    assert grid[original.pk, clinics["south"].pk].state is State.NOT_OFFERED

    local = TreatmentPage.objects.get(pk=local.pk)
    local.summary = "Downtown's own words."
    local.save_revision().publish()
    assert offering_grid([original.pk])[
        original.pk, clinics["downtown"].pk
    ].changed_since_conversion
    assert [c.slug for c in clinics_offering(original)] == ["downtown", "northeast"]


def test_an_expiry_ahead_bounds_the_answer(library, clinics):
    soon = expire_in(clinics["downtown"], 3600)
    assert offerings_for([library["dry-needling"]]).valid_until == soon
    assert offerings_for([library["shockwave-therapy"]]).valid_until is None  # northeast and south


def _grow(library, clinics, extra_clinics, extra_treatments):
    """More clinics (each offering everything) and more library treatments."""
    base = clinics["south"]
    originals = list(library.values())
    brand_index = originals[0].get_parent()
    for i in range(extra_treatments):
        page = brand_index.add_child(
            instance=TreatmentPage(title=f"Extra {i}", slug=f"extra-{i}", summary="More.")
        )
        page.save_revision().publish()
        originals.append(page)
    for i in range(extra_clinics):
        clinic = ClinicPage(
            title=f"Clinic {i}",
            slug=f"clinic-{i}",
            street_address=base.street_address,
            postal_code=base.postal_code,
            latitude=base.latitude,
            longitude=base.longitude,
            phone=base.phone,
            email=base.email,
            booking_url=f"https://book.example.com/{i}",
        )
        base.get_parent().add_child(instance=clinic)
        clinic.save_revision().publish()
        index = clinic.add_child(instance=TreatmentIndexPage(title="Treatments", slug="treatments"))
        index.save_revision().publish()
        for original in originals:
            original.create_alias(parent=index)
    return originals


def _queries(function, *args):
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return len(queries)


def test_the_lookups_do_not_grow_with_clinics_or_treatments(library, clinics):
    small = list(library.values())[:2]
    offer_small = _queries(offerings_for, small)
    grid_small = _queries(offering_grid, [p.pk for p in small])
    originals = _grow(library, clinics, extra_clinics=3, extra_treatments=4)
    assert len(originals) == 8 and ClinicPage.objects.count() == 6
    offer_large = _queries(offerings_for, originals)
    grid_large = _queries(offering_grid, [p.pk for p in originals])
    print(
        f"offerings_for: {offer_small} -> {offer_large}; offering_grid: {grid_small} -> {grid_large}"
    )
    assert offer_small == offer_large == 2
    assert grid_small == grid_large <= 3
    assert all(
        len(clinics) >= 3 for clinics in offerings_for(originals).clinics_by_original.values()
    )
