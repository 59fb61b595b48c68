"""Search fixtures: the demo library, indexed the way seed_demo leaves it."""

import pytest
from django.db import connection

HOSTS = {
    "brand": "localhost",
    "northeast": "northeast.localhost",
    "downtown": "downtown.localhost",
    "south": "south.localhost",
}


@pytest.fixture
def indexed(library):
    """The demo library as the save signals indexed it: no manual update_index."""
    return library


def search_html(client, host, query, **params):
    return client.get("/search/", {"q": query, **params}, HTTP_HOST=host)


def result_titles(response):
    """Titles of the organic results, in order, read from the rendered page."""
    return [result.page.title for result in response.context["results"]]


def backend_name():
    return connection.vendor
