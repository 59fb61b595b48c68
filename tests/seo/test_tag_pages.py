"""/tags/<slug>/ per site: that site's live public treatments with the tag, or a 404."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

from .helpers import canonical, head, jsonld_nodes, meta


def _titles(response):
    from bs4 import BeautifulSoup

    return [
        h2.get_text(strip=True)
        for h2 in BeautifulSoup(response.content, "html.parser").select("main h2")
    ]


def test_lists_the_sites_treatments_with_the_tag(client, library, clinics):
    # "massage" is carried by massage therapy only; downtown and south offer it.
    for host in ("localhost", "downtown.localhost", "south.localhost"):
        response = client.get("/tags/massage/", HTTP_HOST=host)
        assert _titles(response) == ["Massage therapy"]
    # "vertigo" (vestibular rehabilitation) is not offered downtown.
    assert client.get("/tags/vertigo/", HTTP_HOST="downtown.localhost").status_code == 404
    assert client.get("/tags/vertigo/", HTTP_HOST="south.localhost").status_code == 200
    assert client.get("/tags/no-such-tag/", HTTP_HOST="localhost").status_code == 404


def test_links_stay_on_the_site(client, library):
    html = client.get("/tags/massage/", HTTP_HOST="south.localhost").content.decode()
    assert 'href="/treatments/massage-therapy/"' in html


def test_own_title_description_canonical_and_jsonld(client, library):
    tag = TreatmentTag.objects.get(slug="massage")
    tag.description = "Massage in every form our therapists practise, from relaxing to deep tissue."
    tag.save()
    soup = head(client.get("/tags/massage/", HTTP_HOST="south.localhost"))
    assert soup.title.string == "Massage: treatments | Bowview Physiotherapy South"
    assert meta(soup, name="description") == tag.description
    assert canonical(soup) == "http://south.localhost/tags/massage/"
    nodes = jsonld_nodes(soup)
    (collection,) = nodes["CollectionPage"]
    items = collection["mainEntity"]["itemListElement"]
    assert [item["url"] for item in items] == ["http://south.localhost/treatments/massage-therapy/"]
    assert nodes["BreadcrumbList"]


def test_drafts_and_unpublished_pages_do_not_count(client, library, clinics):
    south_copy = TreatmentPage.objects.descendant_of(clinics["south"]).get(
        slug="vestibular-rehabilitation"
    )
    south_copy.unpublish()
    assert client.get("/tags/vertigo/", HTTP_HOST="south.localhost").status_code == 404
    assert client.get("/tags/vertigo/", HTTP_HOST="northeast.localhost").status_code == 200


def test_queries_do_not_grow_with_treatments(client, library):
    client.get("/tags/back-pain/", HTTP_HOST="localhost")  # renditions are made once, here
    with CaptureQueriesContext(connection) as before:
        assert client.get("/tags/back-pain/", HTTP_HOST="localhost").status_code == 200
    index = library["dry-needling"].get_parent()
    for i in range(5):
        extra = TreatmentPage(title=f"Back care {i}", slug=f"back-care-{i}", summary="More.")
        index.add_child(instance=extra)
        extra.tags.add("back pain")
        extra.save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        response = client.get("/tags/back-pain/", HTTP_HOST="localhost")
    assert "Back care 4" in _titles(response)
    assert len(after) == len(before), [q["sql"] for q in after]
