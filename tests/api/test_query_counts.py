"""Queries per request do not grow with pages listed or blocks on a page."""

import itertools
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from treatments.models import TreatmentIndexPage, TreatmentPage

from .conftest import path_of

TREATMENT = "treatments.TreatmentPage"


@pytest.fixture(autouse=True)
def _uncached(settings):
    """Measure the API itself: the response cache (cms/delivery) would answer with 0 queries."""
    settings.RESPONSE_CACHE_ENABLED = False


def body_of(blocks, source):
    """`blocks` blocks cycled from the source page's body, each with its own id."""
    raw = list(source.body.raw_data)
    return [
        {**block, "id": str(uuid.uuid4())}
        for block in itertools.islice(itertools.cycle(raw), blocks)
    ]


def add_treatments(clinic, source, count, blocks):
    """`count` local treatment pages under the clinic's index, each with `blocks` blocks."""
    index = TreatmentIndexPage.objects.child_of(clinic).get(slug="treatments")
    pages = []
    for n in range(count):
        page = TreatmentPage(
            title=f"Treatment {blocks}-{n}",
            slug=f"treatment-{blocks}-{n}",
            summary=source.summary,
            hero_image=source.hero_image,
            body=body_of(blocks, source),
            reviewer_name="A. Reviewer",
        )
        page.tags.set(list(source.tags.all()))
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def queries(api, path, **params):
    """Query count of a request, after one warm-up (renditions made, root paths cached)."""
    api.json(path, **params)
    with CaptureQueriesContext(connection) as captured:
        api.json(path, **params)
    return len(captured)


@pytest.fixture
def many(library, clinics):
    source = library["dry-needling"]
    return add_treatments(clinics["northeast"], source, 20, blocks=10)


LISTINGS = [
    {},
    {"fields": "*"},
    {"type": TREATMENT},
    {"type": TREATMENT, "fields": "*"},
    {"type": TREATMENT, "fields": "*", "search": "Treatment"},
]


def test_listing_queries_do_not_grow_with_limit(northeast_api, brand_api, many):
    """One setup of 20 treatments, every listing shape measured on it."""
    for params in LISTINGS:
        small = queries(northeast_api, "pages/", limit=5, **params)
        large = queries(northeast_api, "pages/", limit=20, **params)
        print(f"listing {params}: limit 5 -> {small}, limit 20 -> {large}")
        assert small == large, params
    assert queries(northeast_api, "pages/", limit=5, fields="*") <= 6
    # 10, and 1 for the clinic's variations of the listed copies (treatments/variation_serving.py)
    assert queries(northeast_api, "pages/", limit=20, type=TREATMENT, fields="*") <= 11
    for endpoint in ("clinic/", "tags/", "images/", "documents/"):
        assert queries(brand_api, endpoint, limit=1) == queries(brand_api, endpoint, limit=20)


def test_detail_queries_do_not_grow_with_blocks(northeast_api, library, clinics):
    source = library["dry-needling"]
    small = add_treatments(clinics["northeast"], source, 1, blocks=10)[0]
    large = add_treatments(clinics["northeast"], source, 1, blocks=80)[0]
    counts = [queries(northeast_api, f"pages/{page.pk}/") for page in (small, large)]
    print(f"detail: 10 blocks -> {counts[0]}, 80 blocks -> {counts[1]}")
    assert counts[0] == counts[1]
    assert counts[0] <= 9  # 7, and 2 for meta.jsonld (cms.api.serializers.JsonLdMetaField)


def test_alias_detail_budget(northeast_api, library):
    find = northeast_api.get("pages/find/", html_path="/treatments/dry-needling/")
    count = queries(northeast_api, path_of(find["Location"]).rstrip("?"))
    print(f"alias detail: {count}")
    assert count <= 10  # 8, and 2 for meta.jsonld


def test_brand_listing_with_bodies_does_not_grow(brand_api, library):
    params = {"type": TREATMENT, "fields": "body"}
    assert queries(brand_api, "pages/", limit=1, **params) == queries(
        brand_api, "pages/", limit=4, **params
    )


def test_brand_listing_without_bodies_does_not_grow(brand_api, library):
    params = {"type": TREATMENT, "fields": "*,-body"}
    assert queries(brand_api, "pages/", limit=1, **params) == queries(
        brand_api, "pages/", limit=4, **params
    )


def test_seo_field_listing_does_not_grow(northeast_api, brand_api, library):
    for api in (northeast_api, brand_api):
        params = {"type": TREATMENT, "fields": "seo"}
        queries(api, "pages/", limit=4, **params)  # renditions are generated once
        assert queries(api, "pages/", limit=1, **params) == queries(
            api, "pages/", limit=4, **params
        )
