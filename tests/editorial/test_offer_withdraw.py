"""Offer and withdraw a library treatment at a clinic, from its "Clinics" panel.

An editor offers dry needling at South with one POST (the panel's button) and
every public surface of South shows it with South's booking link; withdrawing
leaves a 301 and no trace. A clinic manager acts at their own clinic only, and
every change is in the library page's history with who did it.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from tests.delivery.test_cdn_purge import cdn  # noqa: F401  (fixture)
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.offering_actions import OFFER_ACTION, WITHDRAW_ACTION
from treatments.offering_display import offering_action_url

from ..admin_forms import form_data

pytestmark = pytest.mark.django_db
DRY = "/treatments/dry-needling/"
SOUTH = "south.localhost"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def panel_rows(client, page):
    """{clinic slug: (state, the action button or None)} from the page's "Clinics" panel."""
    html = client.get(edit_url(page)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    return html, {
        row["data-clinic"]: (row["data-state"], row.select_one("button[formaction]"))
        for row in soup.select("tr[data-clinic]")
    }


def press(client, page, clinic_slug):
    """Press the panel's button for the clinic as a browser does: the edit form, to its formaction."""
    html, rows = panel_rows(client, page)
    button = rows[clinic_slug][1]
    assert button is not None, rows
    data = form_data(html, "page-edit-form")
    token = BeautifulSoup(html, "html.parser").select_one(
        "#page-edit-form [name=csrfmiddlewaretoken]"
    )
    data["csrfmiddlewaretoken"] = token["value"]  # form_data leaves it out
    return client.post(button["formaction"], data)


def surfaces(client, host, slug="dry-needling", title="Dry needling"):
    """Where the treatment shows on one site: {surface: shown?}."""
    index_html = client.get("/treatments/", HTTP_HOST=host).content.decode()
    api = client.get("/api/v2/pages/", {"site": host, "type": "treatments.TreatmentPage"}).json()
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    search = client.get("/search/", {"q": title}, HTTP_HOST=host).content.decode()
    return {
        "page": client.get(f"/treatments/{slug}/", HTTP_HOST=host).status_code == 200,
        "index": f"/treatments/{slug}/" in index_html,
        "api listing": slug in {item["meta"]["slug"] for item in api["items"]},
        "sitemap": f"/treatments/{slug}/</loc>" in sitemap,
        "search": f"/treatments/{slug}/" in search,
        "api find": client.get(
            "/api/v2/pages/find/", {"site": host, "html_path": f"/treatments/{slug}/"}
        ).status_code
        in (200, 302),
    }


def brand_offered_at(client):
    soup = BeautifulSoup(client.get(DRY, HTTP_HOST="localhost").content, "html.parser")
    return soup.select_one("header .meta").get_text() if soup.select_one("header .meta") else ""


def south_copy(clinics):
    return TreatmentPage.objects.descendant_of(clinics["south"]).filter(slug="dry-needling")


@pytest.fixture
def editor_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def test_an_editor_offers_at_south_in_one_post_and_withdraws_leaving_a_301(
    editor_client,
    editor,
    library,
    clinics,
    cdn,  # noqa: F811
):
    public = Client()
    original = library["dry-needling"]
    south = clinics["south"]
    # Cached before: South does not offer it, and the brand names Northeast and Downtown.
    assert not any(surfaces(public, SOUTH).values())
    assert south.title not in brand_offered_at(public)

    response = press(editor_client, original, "south")
    assert response.status_code == 302 and response.url == edit_url(original)

    alias = south_copy(clinics).get()
    assert alias.alias_of_id == original.pk and alias.live
    assert surfaces(public, SOUTH) == dict.fromkeys(surfaces(public, SOUTH), True)
    page = public.get(DRY, HTTP_HOST=SOUTH).content.decode()
    assert south.booking_url in page
    detail = public.get(f"/api/v2/pages/{alias.pk}/", HTTP_HOST=SOUTH).json()
    links = {
        link["href"]
        for block in detail["body"]
        if block["type"] == "cta"
        for link in block["value"]["links"]
    }
    assert links == {south.booking_url}
    assert south.title in brand_offered_at(public)
    assert f"{SOUTH}/treatments/" in cdn.purged()  # South's listing, cached before, is purged
    _, rows = panel_rows(editor_client, original)
    assert rows["south"][0] == "offered"

    response = press(editor_client, original, "south")  # now the Withdraw button
    assert response.status_code == 302
    assert not south_copy(clinics).exists()
    gone = public.get(DRY, HTTP_HOST=SOUTH)
    assert gone.status_code == 301 and gone["Location"].endswith("/treatments/")
    assert not any(surfaces(public, SOUTH).values())
    assert south.title not in brand_offered_at(public)
    assert public.get(f"/api/v2/pages/{alias.pk}/", HTTP_HOST=SOUTH).status_code == 404
    assert f"{SOUTH}{DRY}" in cdn.purged()

    entries = PageLogEntry.objects.filter(page=original, action__startswith="clinic_cms.").order_by(
        "timestamp", "pk"
    )
    ours = [(e.action, e.user_id, e.data["clinic"]["title"]) for e in entries]
    assert ours == [
        (OFFER_ACTION, editor.pk, south.title),
        (WITHDRAW_ACTION, editor.pk, south.title),
    ]
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=[original.pk]))
    text = history.content.decode()
    assert f"Offered at {south.title}" in text and f"Withdrawn from {south.title}" in text


def test_offering_again_after_a_withdrawal_serves_the_page_and_drops_the_redirect(
    editor, as_user, library, clinics
):
    client = as_user(editor)
    original, south = library["dry-needling"], clinics["south"]
    for action in ("offer", "withdraw", "offer"):
        response = client.post(offering_action_url(action, original.pk, south.pk))
        assert response.status_code == 302
    assert Client().get(DRY, HTTP_HOST=SOUTH).status_code == 200
    assert not Redirect.objects.filter(site=south.get_site()).exists()


def test_offering_creates_the_clinic_treatments_index_when_missing(
    editor, as_user, library, clinics
):
    south = clinics["south"]
    index = TreatmentIndexPage.objects.child_of(south).get()
    for child in index.get_children():
        child.delete()
    Page.objects.get(pk=index.pk).delete()
    response = as_user(editor).post(
        offering_action_url("offer", library["dry-needling"].pk, south.pk), follow=True
    )
    assert "is now offered at" in response.content.decode()
    index = TreatmentIndexPage.objects.child_of(south).get()
    assert index.live and index.slug == "treatments"
    assert surfaces(Client(), SOUTH)["page"] and surfaces(Client(), SOUTH)["index"]


def test_a_manager_acts_at_their_own_clinic_only(managers, as_user, library, clinics):
    northeast_manager = as_user(managers["northeast"])
    original = library["shockwave-therapy"]  # offered at Northeast and South
    _, rows = panel_rows(as_user(managers["northeast"]), original)  # managers cannot open it
    assert rows == {}
    for clinic in ("south", "downtown"):
        for action in ("offer", "withdraw"):
            url = offering_action_url(action, original.pk, clinics[clinic].pk)
            assert northeast_manager.post(url).status_code == 403
    assert TreatmentPage.objects.descendant_of(clinics["south"]).filter(alias_of=original).exists()
    response = northeast_manager.post(
        offering_action_url("withdraw", original.pk, clinics["northeast"].pk)
    )
    assert response.status_code == 302
    assert not TreatmentPage.objects.descendant_of(clinics["northeast"]).filter(alias_of=original)
    entry = PageLogEntry.objects.filter(page=original, action=WITHDRAW_ACTION).get()
    assert entry.user == managers["northeast"]


def test_crafted_requests_fail(editor, managers, as_user, library, clinics):
    original, south = library["dry-needling"], clinics["south"]
    url = offering_action_url("offer", original.pk, south.pk)
    assert as_user(editor).get(url).status_code == 405
    anonymous = Client().post(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous.url
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    assert csrf_client.post(url).status_code == 403  # no CSRF token
    alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    index = alias.get_parent()
    for page_id in (alias.pk, index.pk, 999999):  # a clinic's copy, not a treatment, missing
        crafted = offering_action_url("offer", page_id, south.pk)
        assert as_user(editor).post(crafted).status_code == 404
    assert as_user(editor).post(offering_action_url("offer", original.pk, 999999)).status_code == (
        404
    )
    unknown = reverse("treatments_offering_offer", args=[original.pk, south.pk]).replace(
        "/offer/", "/delete/"
    )
    assert as_user(editor).post(unknown).status_code == 404
    # Northeast's manager, forging a next URL to another site, still gets a 403 at South.
    forged = offering_action_url("offer", original.pk, south.pk, "https://evil.example/")
    assert as_user(managers["northeast"]).post(forged).status_code == 403
    assert not south_copy(clinics).exists()


def test_refused_requests_say_why_and_change_nothing(editor, as_user, library, clinics):
    client = as_user(editor)
    original, northeast, south = library["dry-needling"], clinics["northeast"], clinics["south"]
    response = client.post(offering_action_url("offer", original.pk, northeast.pk), follow=True)
    assert "already has an alias" in response.content.decode()
    response = client.post(offering_action_url("withdraw", original.pk, south.pk), follow=True)
    assert "does not offer" in response.content.decode()
    assert not PageLogEntry.objects.filter(action__startswith="clinic_cms.").exists()
    assert not south_copy(clinics).exists()


def test_withdrawing_a_local_copy_unpublishes_it_and_keeps_its_revisions(
    editor, as_user, library, clinics
):
    from wagtail.actions.convert_alias import ConvertAliasPageAction

    original, northeast = library["dry-needling"], clinics["northeast"]
    alias = TreatmentPage.objects.descendant_of(northeast).get(slug="dry-needling")
    ConvertAliasPageAction(alias).execute()
    html, rows = panel_rows(as_user(editor), original)
    assert rows["northeast"][0] == "local"  # no longer "publishing updates it" there
    assert "updates no longer reach it" in html
    response = as_user(editor).post(offering_action_url("withdraw", original.pk, northeast.pk))
    assert response.status_code == 302
    local = TreatmentPage.objects.get(pk=alias.pk)
    assert not local.live and local.revisions.exists()
    assert Client().get(DRY, HTTP_HOST=northeast.hostname).status_code == 301


def _panel_context(page, user):
    """The "Clinics" panel's context for `user`, as the edit view builds it."""
    from django.test import RequestFactory

    from treatments.panels import OfferingsPanel

    request = RequestFactory().get(edit_url(page))
    request.user = user
    panel = OfferingsPanel(heading="Clinics").bind_to_model(TreatmentPage)
    return panel.get_bound_panel(instance=page, request=request, form=None).get_context_data()


def _panel_queries(page, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, user in users.items():
        user = type(user).objects.get(pk=user.pk)  # as each request loads it afresh
        user.has_perm("wagtailadmin.access_admin")  # the admin has loaded the user's rights by now
        with CaptureQueriesContext(connection) as queries:
            cells = _panel_context(page, user)["cells"]
        counts[name] = len(queries)
        counts[f"{name} actions"] = sum(1 for c in cells if c.action)
    return counts


def test_the_panel_lookup_does_not_grow_with_clinics_or_treatments(
    editor, managers, library, clinics, django_assert_num_queries
):
    from wagtail.actions.convert_alias import ConvertAliasPageAction

    from home.models import ClinicPage
    from tests.treatments.test_offerings import _grow

    original = library["dry-needling"]
    local = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    ConvertAliasPageAction(local).execute()  # a local copy: the conversions query runs too
    users = {"editor": editor, "manager": managers["south"]}
    small = _panel_queries(original, users)
    _grow(library, clinics, extra_clinics=3, extra_treatments=4)
    assert ClinicPage.objects.count() == 6
    large = _panel_queries(original, users)
    print(f"offerings panel queries: 3 clinics {small}; 6 clinics, 8 treatments {large}")
    assert small["editor"] == large["editor"] == 3  # clinics, copies, conversions
    assert small["manager"] == large["manager"] == 4  # and the clinics the user manages
    assert (small["editor actions"], large["editor actions"]) == (3, 6)
    assert small["manager actions"] == large["manager actions"] == 1
    editor = type(editor).objects.get(pk=editor.pk)
    editor.has_perm("wagtailadmin.access_admin")
    with django_assert_num_queries(3):
        _panel_context(original, editor)


def test_a_reviewer_cannot_delete_a_clinic_copy_and_is_sent_to_withdraw(
    reviewer, managers, as_user, library, clinics
):
    """Reviewers hold change and publish on clinic copies, which in Wagtail would let them
    delete one; they are sent to Withdraw. Managers hold no rights on copies at all."""
    alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    delete = reverse("wagtailadmin_pages:delete", args=[alias.pk])
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client = as_user(reviewer)
    for response in (
        client.get(delete, follow=True),
        client.post(delete, follow=True),
        client.post(f"{bulk}?id={alias.pk}", follow=True),
    ):
        assert "withdraw it from the library page" in response.content.decode()
    manager = as_user(managers["northeast"])
    for response in (manager.get(delete), manager.post(delete)):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert TreatmentPage.objects.filter(pk=alias.pk, live=True).exists()
    assert Client().get(DRY, HTTP_HOST=clinics["northeast"].hostname).status_code == 200


def test_library_pages_are_deleted_as_wagtail_allows(admin_client, library):
    page = library["dry-needling"]
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not TreatmentPage.objects.filter(pk=page.pk).exists()
