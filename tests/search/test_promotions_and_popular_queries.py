"""SEO staff pin pages per query and site; every search counts toward popular terms."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from treatments.models import TreatmentPage

from .conftest import HOSTS, result_titles, search_html


def _promoted(response):
    return [result.page.title for _, result in response.context["promotions"]]


def _pin(query, page, order=0, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, sort_order=order, description=description
    )


def test_a_promotion_shows_first_on_the_site_it_belongs_to_only(client, indexed, clinics):
    south_massage = TreatmentPage.objects.descendant_of(clinics["south"]).get(
        slug="massage-therapy"
    )
    _pin("Headache", south_massage, description="Tension headaches often start in the neck.")

    south = search_html(client, HOSTS["south"], "headache")
    assert _promoted(south) == ["Massage therapy"]
    soup = BeautifulSoup(south.content.decode(), "html.parser")
    promoted = soup.select_one(".search-promotions li")
    assert promoted.a["href"] == "/treatments/massage-therapy/"
    assert "Tension headaches often start in the neck." in promoted.get_text()
    assert result_titles(south) == []  # pinned even where the words alone find nothing

    for site in ("brand", "northeast", "downtown"):
        response = search_html(client, HOSTS[site], "headache")
        assert _promoted(response) == []
        assert "Tension headaches often start" not in response.content.decode()
        assert result_titles(response)[0] == "Dry needling"


def test_promotions_keep_their_order_and_skip_hidden_pages(client, indexed, clinics):
    northeast = {
        page.slug: page for page in TreatmentPage.objects.descendant_of(clinics["northeast"])
    }
    _pin("balance", northeast["shockwave-therapy"], order=1)
    _pin("balance", northeast["vestibular-rehabilitation"], order=0)
    _pin("balance", northeast["massage-therapy"], order=2)
    northeast["massage-therapy"].unpublish()
    response = search_html(client, HOSTS["northeast"], "  Balance ")
    assert _promoted(response) == ["Vestibular rehabilitation", "Shockwave therapy"]
    # Shown before the organic results, which stay what the words alone find.
    html = response.content.decode()
    assert html.index("search-promotions") < html.index('aria-label="Search results"')
    assert result_titles(response)[0] == "Vestibular rehabilitation"


def test_every_search_is_counted_for_the_popular_terms_report(client, admin_client, indexed):
    for _ in range(3):
        search_html(client, HOSTS["northeast"], "Back  pain")
    search_html(client, HOSTS["south"], "back pain", page="2")  # later pages are not new searches
    search_html(client, HOSTS["south"], "!!!")  # nothing to search, nothing counted
    search_html(client, HOSTS["south"], "x" * 500)  # refused, not counted
    assert Query.objects.get(query_string="back pain").hits == 3
    assert list(Query.objects.values_list("query_string", flat=True)) == ["back pain"]

    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    assert "back pain" in report.content.decode()
