"""The "Clinic offerings" report: treatments by clinics, with the state of each and how to act."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from treatments.models import TreatmentIndexPage, TreatmentPage

from .helpers import assert_denied

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/clinic-offerings/"


def grid(client, **params):
    """{(treatment slug, clinic slug): (state, cell text, action label or None)}."""
    response = client.get(REPORT, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    cells = {}
    for row in soup.select("tr[data-treatment]"):
        for td in row.select("td[data-clinic]"):
            button = td.select_one("button")
            cells[row["data-treatment"], td["data-clinic"]] = (
                td["data-state"],
                " ".join(td.get_text().split()),
                button["aria-label"] if button else None,
            )
    return cells


def copy_at(clinic, slug):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def test_editors_see_every_treatment_at_every_clinic_and_why(editor, as_user, library, clinics):
    northeast, downtown, south = clinics["northeast"], clinics["downtown"], clinics["south"]
    local = copy_at(northeast, "dry-needling")
    ConvertAliasPageAction(local).execute()
    local = TreatmentPage.objects.get(pk=local.pk)
    local.summary = "Northeast's own words."
    local.save_revision().publish()
    copy_at(downtown, "massage-therapy").unpublish()
    TreatmentPage.objects.filter(pk=copy_at(south, "shockwave-therapy").pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    PageViewRestriction.objects.create(
        page=TreatmentIndexPage.objects.child_of(downtown).get(), restriction_type="login"
    )

    cells = grid(as_user(editor))
    assert len(cells) == 4 * 3
    assert cells["dry-needling", "northeast"][0] == "local"
    assert "Changed since converted" in cells["dry-needling", "northeast"][1]
    assert cells["dry-needling", "downtown"][:2] == ("not_live", "Not live (restricted) Withdraw")
    assert cells["massage-therapy", "downtown"][0] == "not_live"
    assert cells["shockwave-therapy", "south"][:2] == ("not_live", "Not live (expired) Withdraw")
    assert cells["dry-needling", "south"] == (
        "not_offered",
        "Not offered Offer",
        f"Offer Dry needling at {south.title}",
    )
    assert cells["massage-therapy", "south"][0] == "offered"
    assert cells["massage-therapy", "south"][2] == f"Withdraw Massage therapy from {south.title}"
    html = as_user(editor).get(REPORT).content.decode()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[local.pk, local.revisions.order_by("pk").first().pk, "live"],
    )
    assert compare in html


def test_acting_from_the_report_comes_back_to_it(editor, as_user, library, clinics):
    client = as_user(editor)
    soup = BeautifulSoup(client.get(REPORT).content, "html.parser")
    form = soup.select_one("tr[data-treatment=dry-needling] td[data-clinic=south] form")
    token = form.select_one("[name=csrfmiddlewaretoken]")["value"]
    response = client.post(form["action"], {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response.url == REPORT
    assert grid(client)["dry-needling", "south"][0] == "offered"


def test_filters_choose_clinics_and_states(editor, as_user, library, clinics):
    client = as_user(editor)
    only_south = grid(client, clinic=clinics["south"].pk)
    assert {clinic for _, clinic in only_south} == {"south"}
    not_offered = grid(client, state="not_offered")
    assert {treatment for treatment, _ in not_offered} == {
        "dry-needling",  # south
        "shockwave-therapy",  # downtown
        "vestibular-rehabilitation",  # downtown
    }
    south_missing = grid(client, clinic=clinics["south"].pk, state="not_offered")
    assert set(south_missing) == {("dry-needling", "south")}
    assert grid(client, title="needl").keys() == {
        ("dry-needling", slug) for slug in ("northeast", "downtown", "south")
    }


def test_a_manager_sees_and_acts_at_their_clinic_only(managers, as_user, library, clinics):
    client = as_user(managers["south"])
    cells = grid(client)
    assert {clinic for _, clinic in cells} == {"south"}
    assert cells["dry-needling", "south"][0] == "not_offered"
    assert "Clinic offerings" in client.get("/admin/").content.decode()
    options = BeautifulSoup(client.get(REPORT).content, "html.parser").select("input[name=clinic]")
    assert [option["value"] for option in options] == [str(clinics["south"].pk)]
    # A crafted filter for another clinic shows nothing of it.
    assert not any(c == "northeast" for _, c in grid(client, clinic=clinics["northeast"].pk))


def test_people_without_offering_rights_get_no_report(reviewer, as_user, library):
    client = as_user(reviewer)
    assert_denied(client.get(REPORT))
    assert "Clinic offerings" not in client.get("/admin/").content.decode()


def test_the_spreadsheet_export_has_a_column_per_clinic(editor, as_user, library, clinics):
    response = as_user(editor).get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert list(rows[0]) == ["Treatment", *sorted(c.title for c in clinics.values())]
    dry = next(row for row in rows if row["Treatment"] == "Dry needling")
    assert dry[clinics["south"].title] == "Not offered"
    assert dry[clinics["northeast"].title] == "Offered"
    xlsx = as_user(editor).get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxml")


def _report_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_report_does_not_grow_with_clinics_or_treatments(
    editor, managers, as_user, library, clinics
):
    from home.models import ClinicPage
    from tests.treatments.test_offerings import _grow

    ConvertAliasPageAction(copy_at(clinics["northeast"], "dry-needling")).execute()
    results = REPORT + "results/"
    clients = {"editor": as_user(editor), "manager": as_user(managers["south"])}
    paths = {"": results, "state filter": f"{results}?state=offered"}
    small = {
        (who, name): _report_queries(client, path)
        for who, client in clients.items()
        for name, path in paths.items()
    }
    _grow(library, clinics, extra_clinics=3, extra_treatments=4)
    assert ClinicPage.objects.count() == 6
    large = {key: _report_queries(clients[key[0]], paths[key[1]]) for key in small}
    print(f"offerings report queries: 3 clinics, 4 treatments {small}; 6 and 8 {large}")
    assert small == large
    assert len(grid(clients["editor"])) == 8 * 6
