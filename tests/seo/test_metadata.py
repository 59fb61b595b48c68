"""Title, description, canonical, Open Graph, Twitter and robots on every kind of page."""

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from treatments.models import TreatmentPage

from .helpers import canonical, head, meta

BRAND_URL = "http://localhost/treatments/dry-needling/"


def _copy(clinic, slug="dry-needling"):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def test_clinic_alias_is_canonical_to_the_library_original(client, library, clinics):
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        soup = head(client.get("/treatments/dry-needling/", HTTP_HOST=host))
        assert canonical(soup) == BRAND_URL
        assert meta(soup, property="og:url") == BRAND_URL


def test_converted_copy_is_canonical_to_itself(client, library, clinics):
    local = _copy(clinics["downtown"])
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    soup = head(client.get("/treatments/dry-needling/", HTTP_HOST="downtown.localhost"))
    assert canonical(soup) == "http://downtown.localhost/treatments/dry-needling/"
    # Clinics still carrying the alias keep pointing at the library.
    soup = head(client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost"))
    assert canonical(soup) == BRAND_URL


def test_an_editors_override_wins(client, library, clinics):
    original = library["dry-needling"]
    original.canonical_url = "https://example.org/dry-needling"
    original.save_revision().publish()  # aliases follow the original's fields
    for host in ("localhost", "northeast.localhost"):
        soup = head(client.get("/treatments/dry-needling/", HTTP_HOST=host))
        assert canonical(soup) == "https://example.org/dry-needling"


def test_title_description_and_share_tags(client, library):
    soup = head(client.get("/treatments/massage-therapy/", HTTP_HOST="south.localhost"))
    page = library["massage-therapy"]
    assert soup.title.string == page.seo_title  # an editor's title tag is used whole
    assert meta(soup, name="description") == page.search_description
    assert meta(soup, property="og:title") == page.seo_title
    assert meta(soup, property="og:site_name") == "Bowview Physiotherapy South"
    image = meta(soup, property="og:image")
    assert image.startswith("http://south.localhost/") or image.startswith("http")
    assert "fill-1200x630" in image
    assert (meta(soup, property="og:image:width"), meta(soup, property="og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(soup, name="twitter:card") == "summary_large_image"
    assert meta(soup, name="twitter:image") == image
    assert meta(soup, name="robots") == "index, follow"


def test_title_without_seo_title_adds_the_site_name(client, library):
    soup = head(client.get("/treatments/", HTTP_HOST="south.localhost"))
    assert soup.title.string == "Treatments | Bowview Physiotherapy South"
    soup = head(client.get("/", HTTP_HOST="south.localhost"))
    assert soup.title.string == "Bowview Physiotherapy South"  # no "X | X"


def test_noindex_field(client, library):
    page = library["shockwave-therapy"]
    page.noindex = True
    page.save_revision().publish()
    soup = head(client.get("/treatments/shockwave-therapy/", HTTP_HOST="localhost"))
    assert meta(soup, name="robots") == "noindex, follow"


def test_private_page_is_noindex(client, library, clinics):
    index = clinics["south"].get_children().get(slug="treatments")
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="pw")
    response = client.post(
        f"/_util/authenticate_with_password/{index.get_view_restrictions().first().pk}/{index.pk}/",
        {"password": "pw", "return_url": "/treatments/"},
        HTTP_HOST="south.localhost",
    )
    assert response.status_code == 302
    soup = head(client.get("/treatments/", HTTP_HOST="south.localhost"))
    assert meta(soup, name="robots") == "noindex, nofollow"


def test_preview_is_noindex(library):
    from bs4 import BeautifulSoup

    for mode in ("brand", "south"):
        response = library["massage-therapy"].make_preview_request(preview_mode=mode)
        soup = BeautifulSoup(response.content.decode(), "html.parser").head
        assert meta(soup, name="robots") == "noindex, nofollow"


def test_search_results_can_ask_for_noindex(rf, library):
    from django.template import Context, Template

    request = rf.get("/search/", HTTP_HOST="localhost")
    html = Template("{% load seo_tags %}{% seo_meta as seo %}{{ seo.robots }}").render(
        Context({"request": request, "seo_noindex": True})
    )
    assert html == "noindex, follow"
