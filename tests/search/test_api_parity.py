"""The search page and /api/v2/pages/?search= give a site the same pages in the same order."""

from django.test import Client

from .conftest import HOSTS, search_html

QUERIES = ["needle", "headache", "jaw", "TMJ", "massage", "pain", "back pain", "dizziness", "zzz"]


def _page_ids(client, host, query):
    return [result.page.pk for result in search_html(client, host, query).context["results"]]


def _api_ids(client, query, **extra):
    response = client.get(
        "/api/v2/pages/", {"search": query, "limit": 50, **extra.pop("params", {})}, **extra
    )
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["items"]]


def test_the_api_finds_what_the_search_page_finds_on_every_site(client, indexed):
    differences = {}
    for site, host in HOSTS.items():
        for query in QUERIES:
            page = _page_ids(client, host, query)
            by_host = _api_ids(client, query, HTTP_HOST=host)
            by_parameter = _api_ids(client, query, params={"site": host})
            if not page == by_host == by_parameter:
                differences[(site, query)] = (page, by_host, by_parameter)
    assert not differences


def test_the_api_answers_odd_searches_without_a_500(indexed):
    client = Client(raise_request_exception=False)
    statuses = {}
    for query in ['"', '" OR 1=1 --', " ", "needle\x00", "AND NOT (", "*:*", "x" * 10_000]:
        response = client.get("/api/v2/pages/", {"search": query}, HTTP_HOST=HOSTS["northeast"])
        statuses[query[:20]] = response.status_code
    assert all(status in (200, 400) for status in statuses.values()), statuses
