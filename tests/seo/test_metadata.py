"""Title, description, canonical, Open Graph, Twitter and robots on every kind of page."""

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from treatments.models import TreatmentPage

from .helpers import canonical, head, jsonld_nodes, meta


def _copy(clinic, slug="dry-needling"):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def test_every_copy_is_canonical_to_itself_on_the_site_serving_it(client, library, clinics):
    """docs/seo.md: a clinic's copy carries that clinic's facts and booking, so it is its own
    canonical; canonical, og:url and the JSON-LD page name the one URL."""
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        url = f"http://{host}/treatments/dry-needling/"
        soup = head(client.get("/treatments/dry-needling/", HTTP_HOST=host))
        assert canonical(soup) == url
        assert meta(soup, property="og:url") == url
        webpage = jsonld_nodes(soup)["MedicalWebPage"][0]
        assert webpage["url"] == url and webpage["@id"] == f"{url}#webpage"
        crumbs = jsonld_nodes(soup)["BreadcrumbList"][0]["itemListElement"]
        assert crumbs[-1]["item"] == url
        assert jsonld_nodes(soup)["FAQPage"][0]["url"] == url


def test_converted_copy_is_canonical_to_itself(client, library, clinics):
    local = _copy(clinics["downtown"])
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    soup = head(client.get("/treatments/dry-needling/", HTTP_HOST="downtown.localhost"))
    assert canonical(soup) == "http://downtown.localhost/treatments/dry-needling/"
    soup = head(client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost"))
    assert canonical(soup) == "http://northeast.localhost/treatments/dry-needling/"


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
    assert image.startswith("http://south.localhost/media/images/")  # the serving site's
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


PAGE_TYPES = {
    "brand home": ("localhost", "/"),
    "clinic home": ("south.localhost", "/"),
    "brand treatment index": ("localhost", "/treatments/"),
    "clinic treatment index": ("south.localhost", "/treatments/"),
    "treatment": ("south.localhost", "/treatments/massage-therapy/"),
    "tag page": ("south.localhost", "/tags/massage/"),
    "search page": ("south.localhost", "/search/?q=massage"),
}


def test_every_page_type_has_a_description_and_share_tags(client, library):
    for name, (host, path) in PAGE_TYPES.items():
        soup = head(client.get(path, HTTP_HOST=host))
        description = meta(soup, name="description")
        assert description and len(description) <= 160, name
        assert meta(soup, property="og:description") == description, name
        assert meta(soup, property="og:title"), name
        image = meta(soup, property="og:image")
        assert image and image.startswith("http"), (name, image)  # absolute
        assert meta(soup, name="twitter:card") == "summary_large_image", name


def test_a_homes_description_falls_back_to_its_facts(client, clinics):
    soup = head(client.get("/", HTTP_HOST="south.localhost"))
    south = clinics["south"]
    description = meta(soup, name="description")
    assert south.street_address in description and south.phone.as_national in description


def test_share_image_is_absolute_on_the_serving_sites_port(client, library, clinics):
    # `make run PORT=8123`: the site's port, not WAGTAILADMIN_BASE_URL's host.
    site = clinics["south"].get_site()
    site.port = 8123
    site.save()
    response = client.get("/treatments/massage-therapy/", HTTP_HOST="south.localhost:8123")
    soup = head(response)
    image = meta(soup, property="og:image")
    assert image.startswith("http://south.localhost:8123/media/images/")
    assert meta(soup, name="twitter:image") == image
