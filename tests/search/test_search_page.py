"""The search page as a patient uses it: form, count, results, excerpts, pages, empty state."""

from bs4 import BeautifulSoup

from treatments.models import TreatmentIndexPage

from .conftest import HOSTS, add_treatment, result_titles, search_html, section


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _status(soup):
    """The result count line, whitespace collapsed."""
    return " ".join(soup.find(attrs={"role": "status"}).get_text().split())


def test_the_form_is_labelled_and_the_page_is_not_indexed(client, indexed):
    response = client.get("/search/", HTTP_HOST=HOSTS["northeast"])
    assert response.status_code == 200
    soup = _soup(response)
    form = soup.find("form", attrs={"role": "search"})
    field = form.find("input", attrs={"name": "q"})
    assert field["type"] == "search"
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert "Bowview Physiotherapy Northeast" in soup.h1.get_text()


def test_a_result_shows_title_summary_and_a_marked_excerpt(client, indexed):
    response = search_html(client, HOSTS["downtown"], "jaw")
    soup = _soup(response)
    assert _status(soup) == "1 result for “jaw”"
    result = soup.select_one("ol.result-list li.result")
    link = result.h2.a
    assert link.get_text() == "Dry needling"
    assert link["href"] == "/treatments/dry-needling/"
    assert indexed["dry-needling"].summary in result.get_text()
    marks = [mark.get_text() for mark in result.select(".snippet mark")]
    assert marks and all(mark.lower().startswith("jaw") for mark in marks)


def test_stemmed_matches_are_marked_too(client, indexed):
    soup = _soup(search_html(client, HOSTS["downtown"], "needle"))
    marked = {m.get_text().lower() for m in soup.select(".result mark")}
    assert {"needles", "needling"} & marked, marked


def test_everything_shown_is_escaped(client, indexed):
    library = TreatmentIndexPage.objects.get(
        slug="treatments", depth=3, url_path="/home/treatments/"
    )
    add_treatment(
        library,
        "<b>Bold</b> zebrafish & co",
        'Summary with <script>alert("zebrafish")</script>.',
        body=[section("<i>zebrafish</i>", "Body &lt;img src=x onerror=alert(1)&gt; zebrafish.")],
    )
    html = search_html(client, HOSTS["brand"], "zebrafish").content.decode()
    assert "<script>alert" not in html and "<b>Bold</b>" not in html and "<img src=x" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; <mark>zebrafish</mark> &amp; co" in html
    assert "alert(&quot;<mark>zebrafish</mark>&quot;)&lt;/script&gt;" in html
    # The query itself is echoed escaped, in the box and in the count.
    html = search_html(client, HOSTS["brand"], '<script>"zebrafish"</script>').content.decode()
    assert "<script>" not in html
    assert 'value="&lt;script&gt;&quot;zebrafish&quot;&lt;/script&gt;"' in html
    assert "for “&lt;script&gt;&quot;zebrafish&quot;&lt;/script&gt;”" in html


def test_results_are_paginated_with_the_query_kept(client, indexed):
    library = TreatmentIndexPage.objects.get(url_path="/home/treatments/")
    for number in range(13):
        add_treatment(library, f"Capybara care {number:02d}", "Gentle capybara-led therapy.")
    first = search_html(client, HOSTS["brand"], "capybara")
    soup = _soup(first)
    assert _status(soup) == "13 results for “capybara”, page 1 of 2"
    assert len(result_titles(first)) == 10
    next_link = soup.select_one('nav.pagination a[rel="next"]')["href"]
    assert next_link == "?q=capybara&page=2"
    second = client.get(f"/search/{next_link}", HTTP_HOST=HOSTS["brand"])
    assert len(result_titles(second)) == 3
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert _soup(second).select_one("ol.result-list")["start"] == "11"


def test_no_results_explains_what_to_try(client, indexed):
    response = search_html(client, HOSTS["south"], "needle")
    soup = _soup(response)
    assert _status(soup) == "No results for “needle”"
    empty = soup.select_one(".search-empty")
    assert "Bowview Physiotherapy South" in empty.get_text()
    assert empty.find("a", href="/treatments/")
    assert empty.find("a", href=lambda href: href and href.startswith("tel:+1"))


def test_an_empty_query_invites_a_search_without_results(client, indexed):
    for query in ("", "   "):
        soup = _soup(search_html(client, HOSTS["brand"], query))
        assert not soup.select(".result") and not soup.find(attrs={"role": "status"})
        assert soup.find("a", href="/treatments/")


def test_a_query_without_words_says_so(client, indexed):
    soup = _soup(search_html(client, HOSTS["brand"], "?!"))
    assert not soup.select(".result")
    assert "has no letters or numbers to search for" in _status(soup)
