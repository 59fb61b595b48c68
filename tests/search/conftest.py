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


def add_treatment(parent_index, title, summary, body=(), publish=True, **fields):
    """A new treatment page under `parent_index` (published unless told otherwise)."""
    from django.utils.text import slugify

    from treatments.models import TreatmentPage

    page = parent_index.add_child(
        instance=TreatmentPage(
            title=title,
            slug=slugify(title)[:50],
            summary=summary,
            body=list(body),
            live=publish,
            **fields,
        )
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return TreatmentPage.objects.get(pk=page.pk)


def section(heading, text):
    return {"type": "section", "value": {"heading": heading, "body": f"<p>{text}</p>"}}
