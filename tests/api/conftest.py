"""Helpers to call the API as a clinic front end would: by Host header, JSON back."""

import pytest
from wagtail.models import Page


class Api:
    """A test client bound to one host, returning (status, json) pairs."""

    def __init__(self, client, host):
        self.client = client
        self.host = host

    def get(self, path, **params):
        url = path if path.startswith("/") else f"/api/v2/{path}"
        return self.client.get(url, params, HTTP_HOST=self.host)

    def json(self, path, status=200, **params):
        response = self.get(path, **params)
        assert response.status_code == status, (response.status_code, response.content[:500])
        assert response["Content-Type"].startswith("application/json")
        return response.json()


@pytest.fixture
def brand_api(client, brand):
    return Api(client, "localhost")


@pytest.fixture
def northeast_api(client, clinics):
    return Api(client, "northeast.localhost")


@pytest.fixture
def downtown_api(client, clinics):
    return Api(client, "downtown.localhost")


def add_page(parent, title, slug=None, publish=True, **fields):
    """A plain Wagtail page under `parent`, published unless asked otherwise."""
    page = parent.add_child(instance=Page(title=title, slug=slug or title.lower(), **fields))
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    page.refresh_from_db()
    return page


def path_of(url):
    """The path and query of an absolute API URL, for the test client."""
    return "/" + url.split("/", 3)[3]


def ids(data):
    return [item["id"] for item in data["items"]]
