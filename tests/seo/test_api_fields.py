"""seo_fields_for: the API's SEO fields equal what the page's HTML head carries."""

from cms.seo.meta import seo_fields_for
from treatments.models import TreatmentPage

from .helpers import canonical, head, meta


def test_same_values_as_the_html_head(client, rf, library, clinics):
    page = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    request = rf.get("/", HTTP_HOST="northeast.localhost")
    fields = seo_fields_for(page, request)
    soup = head(client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost"))
    assert (
        fields["canonical"]
        == canonical(soup)
        == "http://northeast.localhost/treatments/dry-needling/"
    )
    assert fields["title"] == soup.title.string
    assert fields["description"] == meta(soup, name="description")
    assert fields["robots"] == meta(soup, name="robots")
    assert fields["image"]["url"] == meta(soup, property="og:image")
    assert fields["twitter_card"] == "summary_large_image"
    assert fields["site_name"] == "Bowview Physiotherapy Northeast"
