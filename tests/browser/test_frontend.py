"""The reference front end (frontend/, Next.js) against a live Django server, in chromium.

One build serves every clinic: Northeast's and Downtown's front ends are the same build with
another CLINIC_SITE. Each shows its own clinic's booking link on dry needling, the API's absolute
share image and the same JSON-LD graph as the Wagtail-rendered page, with no serious or critical
axe violation; a publish reaches the front
end through the signed webhook (and only through it: without the webhook the cached page stays);
an editor's draft shows through the signed preview token.
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import frontend
from .media import route_media

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # a test endpoint's secret (24 bytes)
PATH = "/treatments/dry-needling/"


@pytest.fixture(scope="session")
def frontend_build():
    frontend.require_node()
    seconds = frontend.build()
    print(f"\nfront end: make frontend-build took {seconds:.0f}s")


@pytest.fixture
def start_frontend(frontend_build, sites_on_live_server, live_server):
    """start_frontend(clinic) -> a running front end for that clinic's site."""
    frontend.clear_data_cache()
    started = []

    def start(clinic):
        site = clinic.get_site()
        fe = frontend.FrontEnd(f"{site.hostname}:{site.port}", live_server.url, SECRET)
        started.append(fe)
        return fe

    yield start
    for fe in started:
        fe.stop()


def blocking_axe_violations(page):
    """axe-core's serious and critical violations on the page, as readable lines."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def html_jsonld(page):
    """The parsed <script type="application/ld+json"> blocks of a page, in order."""
    scripts = page.locator("script[type='application/ld+json']")
    return [json.loads(scripts.nth(i).text_content()) for i in range(scripts.count())]


def test_each_clinic_front_end_shows_its_own_booking_link_share_image_and_jsonld(
    new_page, start_frontend, clinics, client, sites_on_live_server
):
    port = sites_on_live_server
    for slug, other in (("northeast", "downtown"), ("downtown", "northeast")):
        clinic, other_clinic = clinics[slug], clinics[other]
        fe = start_frontend(clinic)
        page = new_page()
        assert page.goto(f"{fe.url}{PATH}").status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text("Dry needling")
        # The clinic's CTA and the header's Book button lead to this clinic's booking URL only.
        booking = page.locator(f"main a[href='{clinic.booking_url}']")
        expect(booking.first).to_be_visible()
        assert page.locator(f"a[href='{other_clinic.booking_url}']").count() == 0
        cta = page.locator("section.cta a.button")
        expect(cta.first).to_have_attribute("href", clinic.booking_url)

        # Head metadata from the API's seo: the absolute share image of this clinic's site.
        site = f"{clinic.get_site().hostname}:{port}"
        detail = client.get(
            "/api/v2/pages/find/", {"site": site, "html_path": PATH}, follow=True
        ).json()
        share = detail["seo"]["image"]["url"]
        assert share.startswith(f"http://{clinic.get_site().hostname}:{port}/media/")
        og_image = page.locator("meta[property='og:image']").get_attribute("content")
        twitter_image = page.locator("meta[name='twitter:image']").get_attribute("content")
        assert og_image == twitter_image == share
        assert (
            page.locator("link[rel=canonical]").get_attribute("href") == detail["seo"]["canonical"]
        )
        assert page.title() == detail["seo"]["title"]

        # The share image itself is stored where the URL says (nginx serves /media/ in production).
        assert route_media(new_page()).goto(share).status == 200

        # JSON-LD: the graph the Wagtail-rendered page embeds, from the API's meta.jsonld.
        wagtail_page = new_page()
        wagtail_page.goto(f"http://{site}{PATH}")
        assert html_jsonld(page) == html_jsonld(wagtail_page) != []
        if slug == "northeast":  # accessible: the treatment, the home page and the 404
            assert not blocking_axe_violations(page)
            for path, status in (("/", 200), ("/treatments/nope/", 404)):
                other_page = new_page()
                assert other_page.goto(f"{fe.url}{path}").status == status
                assert not blocking_axe_violations(other_page), path
        fe.stop()


def test_a_publish_reaches_the_front_end_through_the_signed_webhook(
    new_page, start_frontend, clinics, library
):
    from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

    northeast = clinics["northeast"]
    fe = start_frontend(northeast)
    endpoint = WebhookEndpoint.objects.create(
        clinic=northeast, url=f"{fe.url}/api/revalidate/", secret=SECRET, active=False
    )
    page = new_page()
    page.goto(f"{fe.url}{PATH}")
    lead = page.locator("p.lead")
    original_summary = lead.text_content()

    library_page = library["dry-needling"]
    library_page.summary = "Published without a webhook: the cached page keeps the old summary."
    library_page.save_revision().publish()
    page.goto(f"{fe.url}{PATH}")
    expect(lead).to_have_text(original_summary)  # served from the front end's data cache

    endpoint.active = True
    endpoint.save()
    library_page.summary = "Published with the webhook: the front end shows it at once."
    library_page.save_revision().publish()
    attempt = WebhookDelivery.objects.filter(endpoint=endpoint).latest("pk")
    assert attempt.succeeded, attempt.error
    page.goto(f"{fe.url}{PATH}")
    expect(lead).to_have_text("Published with the webhook: the front end shows it at once.")
    page.goto(f"{fe.url}/")  # the home page's treatment card is revalidated too
    expect(page.locator(".treatment-card", has_text="Dry needling")).to_contain_text(
        "the front end shows it at once"
    )

    forged = page.request.post(
        f"{fe.url}/api/revalidate/",
        data='{"event":"page.published"}',
        headers={"webhook-id": "x", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"},
    )
    assert forged.status == 401


def test_a_draft_shows_through_the_preview_route(new_page, start_frontend, clinics, library):
    from django.contrib.contenttypes.models import ContentType

    from cms.delivery.models import PreviewSnapshot
    from cms.delivery.preview import make_token

    northeast = clinics["northeast"]
    fe = start_frontend(northeast)
    draft = library["dry-needling"]
    draft.title = "Dry needling (draft title)"
    snapshot = PreviewSnapshot.objects.create(
        page_id=draft.pk,
        content_type=ContentType.objects.get_for_model(draft),
        content_json=draft.to_json(),
        site=northeast.get_site(),
    )
    site = f"{northeast.get_site().hostname}:{northeast.get_site().port}"
    page = new_page()
    page.goto(f"{fe.url}/api/preview/?token={make_token(snapshot)}&site={site}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dry needling (draft title)")
    expect(page.get_by_role("status")).to_contain_text("Preview")
    expect(page.locator(f"section.cta a[href='{northeast.booking_url}']").first).to_be_visible()
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex, nofollow"
    # Wagtail's preview panel (the admin's origin, CMS_ADMIN_ORIGIN at build time) may frame it.
    framing = page.request.get(page.url).headers["content-security-policy"]
    assert framing.startswith("frame-ancestors 'self' http") and "*" not in framing, framing

    page.goto(f"{fe.url}{PATH}")  # the live page never shows the draft
    expect(page.get_by_role("heading", level=1)).to_have_text("Dry needling")

    for query, status in (
        (f"token=forged&site={site}", 401),
        (f"token={make_token(snapshot)}&site=downtown.localhost", 400),
        ("site=" + site, 400),
    ):
        assert page.request.get(f"{fe.url}/api/preview/?{query}").status == status, query
