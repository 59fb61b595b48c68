"""Property: whatever tree of pages editors build, no public surface shows what it must not.

Hypothesis builds small random trees across the brand and clinic sites: live pages,
drafts (a published page with newer unpublished content), never-published pages,
expired pages, private pages (password, login or group restrictions), clinic copies
of library pages (aliases, and local pages converted from them, live, unpublished,
expired or restricted on their own), private clinic sections and closed clinics
(expired, unpublished, or with their treatments index unpublished). Every page carries a unique
marker word, its draft content another. The test then reads every public surface of
every site as an anonymous visitor (HTML pages, listings, search, sitemap.xml, API v2
listing/detail/find/search) and checks where each marker appears.

"Shows" means the marker is in a 200 response body, less any echo of the requested
URL (a password form's return_url). Error answers (404, a login redirect) may echo
the path too, and are checked by status instead.

Privacy follows Wagtail 8's rule (Page.get_view_restrictions): a restriction covers a
page and everything under it, and an alias has no restrictions of its own but takes
its original's, so an alias of a private library page is private on every clinic
site. An expired page leaves every site, with its aliases.

On the brand site, a library page's "Offered at" and its booking buttons (HTML and
API) name exactly the clinics where a visitor can open its copy, with the clinic
and its treatments index live (treatments/offerings.py): never a clinic whose copy
is expired, unpublished or restricted, under a restricted or unpublished index, or
whose clinic page is expired or unpublished.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page, PageViewRestriction

from home.models import ClinicPage
from treatments.models import TreatmentIndexPage, TreatmentPage

pytestmark = pytest.mark.django_db

HOSTS = {
    "brand": "localhost",
    "northeast": "northeast.localhost",
    "downtown": "downtown.localhost",
    "south": "south.localhost",
}
CLINICS = ("northeast", "downtown", "south")
VISIBLE_STATES = ("live", "draft")
RESTRICTIONS = ("password", "login", "groups")
STATES = (*VISIBLE_STATES, "unpublished", "expired", *RESTRICTIONS)
# A clinic's copy of a library page: its alias, or a local page converted from one,
# left live or then unpublished, expired or restricted on its own.
COPIES = ("alias", "local", "local unpublished", "local expired", "local restricted")
CLOSURES = ("clinic expired", "clinic unpublished", "index unpublished")
COMMON_WORD = "zqcommonword"  # in every page: the search query that reaches all of them

original_pages = st.fixed_dictionaries(
    {
        "site": st.sampled_from(tuple(HOSTS)),
        "state": st.sampled_from(STATES),
        # Clinics carrying a copy of it, and which (library pages only, as in the product).
        "aliases": st.dictionaries(st.sampled_from(CLINICS), st.sampled_from(COPIES), max_size=2),
    }
)
trees = st.fixed_dictionaries(
    {
        "pages": st.lists(original_pages, min_size=1, max_size=4),
        # Clinic treatment sections made private as a whole.
        "private_sections": st.dictionaries(
            st.sampled_from(CLINICS), st.sampled_from(RESTRICTIONS), max_size=1
        ),
        # A clinic past its expiry date or unpublished, or whose treatments index is
        # unpublished: it offers nothing, though Wagtail still serves a live page under an
        # unpublished parent.
        "closed_clinics": st.dictionaries(
            st.sampled_from(CLINICS), st.sampled_from(CLOSURES), max_size=1
        ),
    }
)


def marker(kind, number):
    # Letters only and an unstemmable ending, so search backends index it whole.
    return f"zq{kind}{'bcdfghjkmn'[number]}x"


def body_with(word):
    """A section carrying the marker and a book-at-this-clinic call to action."""
    return [
        {
            "type": "section",
            "value": {"heading": f"About {word}", "body": f"<p>{COMMON_WORD} {word}</p>"},
        },
        {
            "type": "cta",
            "value": {
                "heading": "Book",
                "text": "",
                "action": "book",
                "page": None,
                "url": "",
                "button_label": "Book",
            },
        },
    ]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Property test group")[0])


class Copy:
    """One place a marker lives: a page (original or alias) on one site."""

    offered_at = frozenset()  # for a brand original: the clinics the brand must name
    expired = False  # past its expiry date (set once built: time passes)

    def __init__(self, page, site, visible):
        self.page, self.site, self.visible = page, site, visible
        self.path = page.get_url_parts()[2]


def clinic_copy(original, index, clinic, kind, state):
    """A clinic's copy of `original` (in `state`): its alias, or a local page made from one.

    A local copy is a page of its own: a restriction later put on the original does
    not cover it, but it keeps the original's expiry date and live state.
    """
    page = original.create_alias(parent=index)
    shown = state in VISIBLE_STATES
    if kind == "alias":
        return Copy(page, clinic, shown)
    ConvertAliasPageAction(page).execute()
    page = TreatmentPage.objects.get(pk=page.pk)
    if kind == "local unpublished" and page.live:
        page.unpublish()
    if kind == "local restricted":
        restrict(page, "login")
    copy = Copy(page, clinic, kind == "local" and state not in ("unpublished", "expired"))
    copy.expired = kind == "local expired"
    return copy


def indexes():
    """Treatment indexes fetched afresh: a rolled-back example leaves stale tree counters."""
    found = {"brand": TreatmentIndexPage.objects.get(url_path="/home/treatments/")}
    for slug in CLINICS:
        clinic = ClinicPage.objects.get(slug=slug)
        found[slug] = TreatmentIndexPage.objects.child_of(clinic).get()
    return found


def build(tree):
    """Create the pages; return (copies, marker of each original, draft markers)."""
    parents = indexes()
    copies, published_markers, draft_markers = [], [], []
    past = timezone.now() - datetime.timedelta(minutes=5)
    for clinic, kind in tree["private_sections"].items():
        restrict(parents[clinic], kind)
    public_place = {site: site not in tree["private_sections"] for site in HOSTS}
    close(parents, tree.get("closed_clinics", {}))
    for number, spec in enumerate(tree["pages"]):
        word, state = marker("pub", number), spec["state"]
        published_markers.append(word)
        page = parents[spec["site"]].add_child(
            instance=TreatmentPage(
                title=f"Treatment {word}",
                slug=word,
                summary=f"{COMMON_WORD} {word}",
                body=body_with(word),
                live=state != "unpublished",
                expire_at=timezone.now() + datetime.timedelta(days=1)
                if state == "expired"
                else None,
            )
        )
        if state != "unpublished":
            page.save_revision().publish()
        page = TreatmentPage.objects.get(pk=page.pk)
        shown = state in VISIBLE_STATES
        family = [Copy(page, spec["site"], shown and public_place[spec["site"]])]
        if spec["site"] == "brand":
            for clinic, kind in sorted(spec["aliases"].items()):
                family.append(clinic_copy(page, parents[clinic], clinic, kind, state))
                family[-1].visible &= public_place[clinic]
            # The brand names a clinic exactly when a visitor can open its copy there.
            family[0].offered_at = {
                c.site
                for c in family[1:]
                if c.visible and c.site not in tree.get("closed_clinics", {})
            }
        if state in RESTRICTIONS:
            restrict(page, state)
        if state == "draft":
            draft_word = marker("drf", number)
            draft_markers.append(draft_word)
            page.title = f"Treatment {draft_word}"
            page.summary = f"{COMMON_WORD} {draft_word}"
            page.body = body_with(draft_word)
            page.save_revision()
        for copy in family:
            copy.word = word
            copy.expired |= state == "expired"
        Page.objects.filter(pk__in=[c.page.pk for c in family if c.expired]).update(expire_at=past)
        copies.extend(family)
    return copies, draft_markers


def close(parents, closures):
    past = timezone.now() - datetime.timedelta(minutes=5)
    for clinic, how in closures.items():
        if how == "clinic expired":
            ClinicPage.objects.filter(slug=clinic).update(expire_at=past)
        elif how == "clinic unpublished":
            ClinicPage.objects.get(slug=clinic).unpublish()
        else:
            parents[clinic].unpublish()


def read_site(client, host, copies):
    """Every public surface of one site: {url: (status, body)}."""
    urls = [
        "/",
        "/treatments/",
        "/sitemap.xml",
        f"/search/?q={COMMON_WORD}",
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary,body&limit=50",
        f"/api/v2/pages/?search={COMMON_WORD}",
        f"/api/v2/pages/?type=treatments.TreatmentPage&search={COMMON_WORD}&fields=summary,body",
    ]
    for copy in copies:
        urls += [
            copy.path,
            f"/api/v2/pages/{copy.page.pk}/",
            f"/api/v2/pages/find/?html_path={copy.path}",
        ]
    answers = {}
    for url in dict.fromkeys(urls):
        response = client.get(url, HTTP_HOST=host)
        if url.startswith("/api/v2/pages/find/") and response.status_code == 302:
            response = client.get(response["Location"], HTTP_HOST=host)
        assert response.status_code < 500, (host, url, response.status_code)
        assert response.status_code != 400, (host, url, response.content[:300])
        # A form may echo the requested path back (a password form's return_url).
        answers[url] = (response.status_code, response.content.decode().replace(url, ""))
    return answers


def is_html_page(url):
    return not url.startswith(("/api/", "/sitemap.xml", "/search/"))


def check(client, copies, draft_markers):
    for site, host in HOSTS.items():
        answers = read_site(client, host, copies)
        shown = "\n".join(body for status, body in answers.values() if status == 200)
        for word in draft_markers:
            assert word not in shown, f"draft content {word} shown on {host}"
        for word in {copy.word for copy in copies}:
            visible_here = any(c.visible for c in copies if c.word == word and c.site == site)
            if not visible_here:
                leaks = [
                    url for url, (status, body) in answers.items() if word in body and status == 200
                ]
                assert not leaks, f"{word} shown on {host} at {leaks}"
        for copy in copies:
            status, body = answers[copy.path]
            detail_status, _ = answers[f"/api/v2/pages/{copy.page.pk}/"]
            if copy.site == site and copy.visible:
                # Positive control: the checks above can fail because pages do show.
                assert status == 200 and copy.word in body, (host, copy.path, status)
                assert detail_status == 200, (host, copy.page.pk)
                assert copy.word in answers["/sitemap.xml"][1], (host, copy.word)
                if site == "brand":
                    check_offering(client, copy, body, answers)
            elif copy.site != site:
                assert detail_status == 404, ("another site's page", host, copy.page.pk)
            else:
                assert detail_status == 404, ("hidden page", host, copy.page.pk)
                assert status in (200, 302, 404), (host, copy.path, status)
                if copy.expired:
                    assert status == 404, ("expired page", host, copy.path, status)
                if status == 200:
                    assert copy.word not in body, (host, copy.path)


def check_offering(client, original, html, answers):
    """The brand's "Offered at" and booking links (HTML and API) name exactly the reachable copies."""
    clinics = {clinic.slug: clinic for clinic in ClinicPage.objects.all()}
    header = BeautifulSoup(html, "html.parser").select_one("article header").get_text()
    named = {slug for slug, clinic in clinics.items() if clinic.title in header}
    assert named == original.offered_at, ("Offered at", original.path, named)
    booked_html = {slug for slug, clinic in clinics.items() if clinic.booking_url in html}
    assert booked_html == original.offered_at, ("booking links", original.path, booked_html)
    _status, detail = answers[f"/api/v2/pages/{original.page.pk}/"]
    booked_api = {slug for slug, clinic in clinics.items() if clinic.booking_url in detail}
    assert booked_api == original.offered_at, ("API booking links", original.path, booked_api)


def library_page(state, copies):
    return {"site": "brand", "state": state, "aliases": copies}


# Always tried first: each closure and each kind of copy next to a public one, so the
# brand's lists are checked against every way a copy stops being open (random
# examples reach them only now and then).
@example(
    tree={
        "pages": [
            library_page("live", {"northeast": "alias", "downtown": "local", "south": "alias"}),
            library_page("draft", {"northeast": "local", "south": "local restricted"}),
        ],
        "private_sections": {},
        "closed_clinics": {"northeast": "clinic unpublished"},
    }
)
@example(
    tree={
        "pages": [
            library_page("live", {"northeast": "local expired", "downtown": "alias"}),
            library_page("live", {"downtown": "local unpublished", "south": "local"}),
        ],
        "private_sections": {"south": "login"},
        "closed_clinics": {"downtown": "clinic expired"},
    }
)
@example(
    tree={
        "pages": [library_page("live", {"northeast": "local", "downtown": "alias"})],
        "private_sections": {},
        "closed_clinics": {"northeast": "index unpublished"},
    }
)
@settings(
    max_examples=22,  # and the 3 examples above: the run takes as long as it did with 25
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tree=trees)
def test_no_public_surface_shows_what_it_must_not(client, library, tree):
    with transaction.atomic():
        for cache in caches.all():
            cache.clear()
        note(f"tree: {tree!r}")
        copies, draft_markers = build(tree)
        check(client, copies, draft_markers)
        transaction.set_rollback(True)


def test_expired_page_is_gone_before_the_scheduler_runs(client, library):
    """Past expire_at, the page and its aliases 404 and leave their indexes at once."""
    tree = {"pages": [{"site": "brand", "state": "expired", "aliases": {"south": "alias"}}]}
    copies, _ = build({**tree, "private_sections": {}})
    for copy in copies:
        host = HOSTS[copy.site]
        assert client.get(copy.path, HTTP_HOST=host).status_code == 404, (host, copy.path)
        assert copy.word not in client.get("/treatments/", HTTP_HOST=host).content.decode()


def test_alias_of_private_page_is_private_everywhere(client, library):
    """An alias takes its original's view restriction (Wagtail 8) on every surface."""
    tree = {"pages": [{"site": "brand", "state": "login", "aliases": {"northeast": "alias"}}]}
    copies, _ = build({**tree, "private_sections": {}})
    alias = next(copy for copy in copies if copy.site == "northeast")
    host = HOSTS["northeast"]
    assert client.get(alias.path, HTTP_HOST=host).status_code == 302  # HTML page: private
    for url in (
        "/treatments/",
        "/sitemap.xml",
        f"/search/?q={COMMON_WORD}",
        "/api/v2/pages/?limit=50",
        f"/api/v2/pages/?search={COMMON_WORD}",
    ):
        assert alias.word not in client.get(url, HTTP_HOST=host).content.decode(), url
    assert client.get(f"/api/v2/pages/{alias.page.pk}/", HTTP_HOST=host).status_code == 404
    find = client.get(f"/api/v2/pages/find/?html_path={alias.path}", HTTP_HOST=host)
    assert find.status_code == 404
