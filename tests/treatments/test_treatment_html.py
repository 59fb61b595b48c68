"""The treatment page as patients see it: semantic HTML, clinic resolution, every seed section."""

import itertools
import re

import pytest
from bs4 import BeautifulSoup


def soup_for(client, host, path="/treatments/dry-needling/"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def test_headings_nest_under_the_single_h1(client, library):
    soup = soup_for(client, "northeast.localhost")
    levels = [int(tag.name[1]) for tag in soup.find("main").find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, levels


def test_lists_tables_faq_and_citations_are_semantic(client, library):
    soup = soup_for(client, "northeast.localhost")
    benefits = soup.select_one(".block-benefits ul")
    assert len(benefits.find_all("li", recursive=False)) == 6
    assert len(soup.select_one(".block-conditions ul").find_all("li", recursive=False)) == 8
    assert len(soup.select_one(".block-steps ol").find_all("li", recursive=False)) == 3
    table = soup.select_one(".block-comparison table")
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col", "col"]
    assert all(th["scope"] == "row" for th in table.select("tbody th"))
    assert len(soup.select(".block-faq details > summary")) == 5
    cites = [cite.get_text() for cite in soup.find_all("cite")]
    assert any("Pain Medicine" in c for c in cites)
    assert any("International Journal of Sports Physical Therapy" in c for c in cites)
    assert any("Journal of Orthopaedic" in c for c in cites)


def test_clinic_page_resolves_booking_and_quote_to_that_clinic(client, library, clinics):
    for slug in ("northeast", "downtown"):
        clinic = clinics[slug]
        soup = soup_for(client, f"{slug}.localhost")
        cta = soup.select_one("section.cta")
        assert [a["href"] for a in cta.find_all("a")] == [clinic.booking_url]
        assert clinic.title in soup.select_one(".block-quote figcaption").get_text()
        other = clinics["downtown" if slug == "northeast" else "northeast"]
        assert other.booking_url not in str(soup)


def test_brand_page_lists_every_offering_clinic(client, library, clinics):
    soup = soup_for(client, "localhost")
    hrefs = [a["href"] for a in soup.select("section.cta a")]
    assert hrefs == [clinics["downtown"].booking_url, clinics["northeast"].booking_url]
    caption = soup.select_one(".block-quote figcaption").get_text()
    assert clinics["downtown"].title in caption and clinics["northeast"].title in caption
    assert clinics["south"].title not in caption  # south does not offer dry needling


def test_clinic_not_offering_a_treatment_does_not_serve_it(client, library):
    assert client.get("/treatments/dry-needling/", HTTP_HOST="south.localhost").status_code == 404
    assert (
        client.get("/treatments/massage-therapy/", HTTP_HOST="south.localhost").status_code == 200
    )


@pytest.mark.parametrize(
    "figure",
    ["16", "7.7", "5.9", "24–48 hours"],
)
def test_seed_figures_render(client, library, figure):
    assert figure in soup_for(client, "downtown.localhost").get_text()


def test_treatment_index_lists_only_what_the_clinic_offers(client, library):
    html = client.get("/treatments/", HTTP_HOST="downtown.localhost").content.decode()
    assert "Dry needling" in html and "Massage therapy" in html
    assert "Shockwave therapy" not in html
