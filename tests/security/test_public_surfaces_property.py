"""Property: whatever tree of pages editors build, no public surface shows what it must not.

Hypothesis builds small random trees across the brand and clinic sites: live pages,
drafts (a published page with newer unpublished content), never-published pages,
expired pages, private pages (password, login or group restrictions), clinic aliases
of library pages, and private clinic sections. Every page carries a unique
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
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
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
COMMON_WORD = "zqcommonword"  # in every page: the search query that reaches all of them

original_pages = st.fixed_dictionaries(
    {
        "site": st.sampled_from(tuple(HOSTS)),
        "state": st.sampled_from(STATES),
        # Clinics carrying an alias of it (library pages only, as in the product).
        "aliases": st.sets(st.sampled_from(CLINICS), max_size=2),
    }
)
trees = st.fixed_dictionaries(
    {
        "pages": st.lists(original_pages, min_size=1, max_size=4),
        # Clinic treatment sections made private as a whole.
        "private_sections": st.dictionaries(
            st.sampled_from(CLINICS), st.sampled_from(RESTRICTIONS), max_size=1
        ),
    }
)


def marker(kind, number):
    # Letters only and an unstemmable ending, so search backends index it whole.
    return f"zq{kind}{'bcdfghjkmn'[number]}x"


def body_with(word):
    return [
        {
            "type": "section",
            "value": {"heading": f"About {word}", "body": f"<p>{COMMON_WORD} {word}</p>"},
        }
    ]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Property test group")[0])


class Copy:
    """One place a marker lives: a page (original or alias) on one site."""

    def __init__(self, page, site, visible):
        self.page, self.site, self.visible = page, site, visible
        self.path = page.get_url_parts()[2]


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
            for clinic in sorted(spec["aliases"]):
                alias = page.create_alias(parent=parents[clinic])
                family.append(Copy(alias, clinic, shown and public_place[clinic]))
        if state in RESTRICTIONS:
            restrict(page, state)
        if state == "draft":
            draft_word = marker("drf", number)
            draft_markers.append(draft_word)
            page.title = f"Treatment {draft_word}"
            page.summary = f"{COMMON_WORD} {draft_word}"
            page.body = body_with(draft_word)
            page.save_revision()
        if state == "expired":
            # Time passes: every copy that carries the expiry date is now past it.
            Page.objects.filter(
                pk__in=[copy.page.pk for copy in family], expire_at__isnull=False
            ).update(expire_at=past)
        for copy in family:
            copy.word = word
            copy.expired = state == "expired"
        copies.extend(family)
    return copies, draft_markers


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
            elif copy.site != site:
                assert detail_status == 404, ("another site's page", host, copy.page.pk)
            else:
                assert detail_status == 404, ("hidden page", host, copy.page.pk)
                assert status in (200, 302, 404), (host, copy.path, status)
                if copy.expired:
                    assert status == 404, ("expired page", host, copy.path, status)
                if status == 200:
                    assert copy.word not in body, (host, copy.path)


@settings(
    max_examples=25,
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
    tree = {"pages": [{"site": "brand", "state": "expired", "aliases": {"south"}}]}
    copies, _ = build({**tree, "private_sections": {}})
    for copy in copies:
        host = HOSTS[copy.site]
        assert client.get(copy.path, HTTP_HOST=host).status_code == 404, (host, copy.path)
        assert copy.word not in client.get("/treatments/", HTTP_HOST=host).content.decode()


def test_alias_of_private_page_is_private_everywhere(client, library):
    """An alias takes its original's view restriction (Wagtail 8) on every surface."""
    tree = {"pages": [{"site": "brand", "state": "login", "aliases": {"northeast"}}]}
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
