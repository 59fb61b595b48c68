"""Rendering a treatment costs the same number of queries for 5 blocks or 50."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

# Measured uncached (a response cache hit costs no query at all): site, 3 routing, view
# restrictions (one query shared by every check while serving, cms/visibility.py), the
# dependency tags, images + renditions, body tags, page tags.
# Brand: the offering lookup (treatments/offerings.py) replaces the clinic lookup: the public
# copies with their index's expiry, then the clinics offering them (two queries, any number),
# and the footer's list of clinics (one; a clinic site's footer reuses the routed clinic).
MAX_QUERIES = {"northeast.localhost": 10, "downtown.localhost": 10, "localhost": 13}


@pytest.fixture(autouse=True)
def _uncached(settings):
    """Measure rendering itself: a response cache hit (cms/delivery) costs no query at all."""
    settings.RESPONSE_CACHE_ENABLED = False


def _body(n_blocks, images, tags, links=()):
    body = []
    for i in range(n_blocks):
        kind = i % 5
        if kind == 0:
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": images[i % len(images)].pk,
                        "alt_text": f"Picture {i}",
                        "caption": "Caption",
                    },
                }
            )
        elif kind == 1:
            items = [
                {"name": f"Group {j}", "description": "d", "tag": tags[j % len(tags)].pk}
                for j in range(6)
            ]
            body.append(
                {
                    "type": "conditions",
                    "value": {"heading": f"Who {i}", "intro": "", "items": items},
                }
            )
        elif kind == 2:
            body.append(
                {
                    "type": "cta",
                    "value": {
                        "heading": "Book",
                        "text": "",
                        "action": "book",
                        "page": None,
                        "url": "",
                        "button_label": "Book",
                    },
                }
            )
        elif kind == 3:
            body.append(
                {
                    "type": "quote",
                    "value": {
                        "text": "Great",
                        "attribution": "Patients",
                        "attribute_to_clinic": True,
                    },
                }
            )
        else:
            text = "<p>Text</p>"
            if links:  # rich text links to library treatments (treatments/rich_text_links.py)
                target = links[i % len(links)]
                text = f'<p>Text and <a linktype="page" id="{target.pk}">more</a></p>'
            body.append({"type": "section", "value": {"heading": f"Part {i}", "body": text}})
    return body


def _sized_pages(library, clinics, links=(), prefix="size", carried_by=("northeast",)):
    Image = get_image_model()
    images = [
        Image.objects.create(title=f"img{i}", file=get_test_image_file(filename=f"q{i}.png"))
        for i in range(10)
    ]
    tags = [TreatmentTag.objects.get_or_create(name=f"tag {i}")[0] for i in range(6)]
    index = library["dry-needling"].get_parent()
    clinic_indexes = [
        TreatmentPage.objects.descendant_of(clinics[slug]).first().get_parent()
        for slug in carried_by
    ]
    pages = {}
    for size in (5, 50):
        page = TreatmentPage(
            title=f"Size {size}",
            slug=f"{prefix}-{size}",
            summary="s",
            body=_body(size, images, tags, links),
        )
        page.tags.set(tags[:3])
        index.add_child(instance=page)
        page.save_revision().publish()
        for clinic_index in clinic_indexes:
            page.create_alias(parent=clinic_index)
        pages[size] = page
    return pages


@pytest.fixture
def sized_pages(library, clinics):
    return _sized_pages(library, clinics)


@pytest.fixture
def linked_sized_pages(library, clinics):
    """Every section links to one of three library treatments.

    Northeast carries all three, downtown two (its links to shockwave go to the brand).
    """
    targets = [library[slug] for slug in ("shockwave-therapy", "massage-therapy", "dry-needling")]
    return _sized_pages(
        library, clinics, links=targets, prefix="linked", carried_by=("northeast", "downtown")
    )


def _count(client, host, path):
    client.get(path, HTTP_HOST=host)  # warm: renditions are generated once
    caches["renditions"].clear()  # renditions now exist in the database but not in the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("host", ["northeast.localhost", "localhost"])
def test_queries_do_not_grow_with_blocks_or_list_items(client, sized_pages, host):
    small = _count(client, host, "/treatments/size-5/")
    large = _count(client, host, "/treatments/size-50/")
    print(f"{host}: 5 blocks -> {small}, 50 blocks -> {large}")
    assert small == large
    assert large <= MAX_QUERIES[host]


@pytest.mark.parametrize("host", ["northeast.localhost", "downtown.localhost", "localhost"])
def test_rich_text_links_resolve_in_one_query_for_any_number(client, linked_sized_pages, host):
    """All the links of a page resolve together: one query for 1 link or for 10."""
    small = _count(client, host, "/treatments/linked-5/")
    large = _count(client, host, "/treatments/linked-50/")
    assert small == large
    budget = MAX_QUERIES[host]
    print(f"{host}: linked page, 5 blocks -> {small}, 50 blocks -> {large}")
    assert large <= budget + 1
