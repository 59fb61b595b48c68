"""Relevance on the demo content: patients find treatments by what hurts.

Each test loops over sites and queries itself (one demo build per test, not
per case) and reports every miss at once.
"""

from .conftest import HOSTS, result_titles, search_html

TREATMENTS = {"Dry needling", "Massage therapy", "Shockwave therapy", "Vestibular rehabilitation"}
OFFERS = {
    "brand": TREATMENTS,
    "northeast": TREATMENTS,
    "downtown": {"Dry needling", "Massage therapy"},
    "south": {"Massage therapy", "Shockwave therapy", "Vestibular rehabilitation"},
}


def _top(client, site, query):
    return result_titles(search_html(client, HOSTS[site], query))


def test_what_hurts_finds_dry_needling_first_where_it_is_offered(client, indexed):
    misses = {}
    for site in ("brand", "northeast", "downtown"):
        for query in ("needle", "headache", "jaw", "TMJ", "trigger points"):
            titles = _top(client, site, query)
            if not titles or titles[0] != "Dry needling":
                misses[(site, query)] = titles
    assert not misses


def test_a_clinic_without_dry_needling_does_not_find_it(client, indexed):
    for query in ("needle", "headache", "jaw"):
        response = search_html(client, HOSTS["south"], query)
        assert "Dry needling" not in result_titles(response)
        assert "Dry needling" not in response.content.decode()


def test_massage_finds_massage_therapy_first_on_every_site(client, indexed):
    firsts = {site: _top(client, site, "massage")[:1] for site in HOSTS}
    assert firsts == {site: ["Massage therapy"] for site in HOSTS}


def test_each_site_finds_only_the_treatments_it_offers(client, indexed):
    for site in HOSTS:
        treatments = set(_top(client, site, "pain")) & TREATMENTS
        assert treatments, site
        assert treatments <= OFFERS[site], site
    assert _top(client, "downtown", "dizziness") == []
    assert _top(client, "south", "dizziness")[0] == "Vestibular rehabilitation"
    assert _top(client, "northeast", "dizziness")[0] == "Vestibular rehabilitation"


# A word that only one part of the dry needling page holds: a hit proves it is indexed.
INDEXED_WORDS = {
    "benefit title": "flexibility",
    "benefit description": "inflammation",
    "condition name": "enthusiasts",
    "condition description": "plantar",
    "step title": "aftercare",
    "step description": "twitch",
    "faq question": "relaxant",
    "faq answer": "prescribed",
    "comparison row": "meridians",
    "comparison column": "acupuncture",
    "section rich text": "contraction",
    "tag": "fasciitis",
    "summary": "circulation",
}


def test_text_inside_body_blocks_is_indexed(client, indexed):
    missing = {
        part: word
        for part, word in INDEXED_WORDS.items()
        if "Dry needling" not in _top(client, "downtown", word)
    }
    assert not missing
