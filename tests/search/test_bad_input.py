"""Whatever is typed into the box (or the URL), the answer is a page or a 400, never a 500."""

import pytest
from django.test import Client

from .conftest import HOSTS, result_titles

ODD_QUERIES = [
    "",
    " ",
    "!!!",
    "?",
    '"',
    '" OR 1=1 --',
    "'; DROP TABLE wagtailcore_page; --",
    "AND NOT (",
    "*:*",
    "needl*",
    "title:needle",
    "NEAR(needle pain)",
    "{a}",
    "50% off",
    "%s %d",
    "a + b",
    "-needle",
    "(((",
    "\\",
    "<script>alert(1)</script>",
    "ü ñ 漢字 🙂",
    "needle " * 25,  # more words than the backend is given
]

# Raw query strings: percent-encoded bytes that are not UTF-8, a NUL, a long query.
RAW_QUERY_STRINGS = [
    "q=%ff%fe",
    "q=%c3%28",
    "q=needle%00",
    "q=%00",
    "q=" + "x" * 10_000,
    "q=needle&page=abc",
    "q=needle&page=-1",
    "q=needle&page=99999999999999999999999",
    "q=needle&q=massage",
    "page=2",
    "q",
]


@pytest.fixture
def raising_client():
    return Client(raise_request_exception=True)


@pytest.mark.parametrize("host", [HOSTS["brand"], HOSTS["northeast"]])
def test_odd_queries_get_a_normal_page(raising_client, indexed, host):
    for query in ODD_QUERIES:
        response = raising_client.get("/search/", {"q": query}, HTTP_HOST=host)
        assert response.status_code == 200, query
        assert "<script>alert" not in response.content.decode()


def test_query_syntax_is_searched_as_plain_words(client, indexed):
    host = HOSTS["downtown"]
    get = lambda q: result_titles(client.get("/search/", {"q": q}, HTTP_HOST=host))  # noqa: E731
    assert get('"needle') == get("needle") == ["Dry needling"]
    assert get("title:needle") == []  # "title" is a word here, not a field, and no page holds it
    assert get("needle OR massage") == []  # every word must match: OR is a word too
    assert get("'; DROP TABLE wagtailcore_page; --") == []


def test_raw_query_strings_are_a_page_or_a_400(raising_client, indexed):
    statuses = {}
    for raw in RAW_QUERY_STRINGS:
        response = raising_client.get(f"/search/?{raw}", HTTP_HOST=HOSTS["northeast"])
        statuses[raw[:40]] = response.status_code
        assert response.status_code in (200, 400), raw[:60]
    assert statuses["q=needle%00"] == statuses["q=%00"] == 400
    assert statuses["q=" + "x" * 38] == 400


def test_a_too_long_query_is_a_400_that_says_why(client, indexed):
    response = client.get("/search/", {"q": "x" * 10_000}, HTTP_HOST=HOSTS["northeast"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 200 characters" in html
    assert 'aria-invalid="true"' in html
    assert "x" * 201 not in html  # the input is not echoed back whole


def test_invalid_page_numbers_fall_back_to_a_real_page(client, indexed):
    for page in ("abc", "-1", "0", "1.5", "9" * 30):
        response = client.get(
            "/search/", {"q": "needle", "page": page}, HTTP_HOST=HOSTS["northeast"]
        )
        assert response.status_code == 200
        assert result_titles(response) == ["Dry needling"]


def test_non_utf8_bytes_are_dropped_and_the_words_still_searched(client, indexed):
    response = client.get("/search/?q=needle%ff%fe", HTTP_HOST=HOSTS["northeast"])
    assert response.status_code == 200
    assert result_titles(response) == ["Dry needling"]
