"""Rendering a treatment costs the same number of queries for 5 blocks or 50."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

# Clinic: site, 3 routing, 2 view-restriction checks, images + renditions, body tags, page tags.
# Brand: the clinic list replaces the clinic lookup (one query for every offering clinic).
MAX_QUERIES = {"northeast.localhost": 10, "localhost": 11}


def _body(n_blocks, images, tags):
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
            body.append(
                {"type": "section", "value": {"heading": f"Part {i}", "body": "<p>Text</p>"}}
            )
    return body


@pytest.fixture
def sized_pages(library, clinics):
    Image = get_image_model()
    images = [
        Image.objects.create(title=f"img{i}", file=get_test_image_file(filename=f"q{i}.png"))
        for i in range(10)
    ]
    tags = [TreatmentTag.objects.create(name=f"tag {i}") for i in range(6)]
    index = library["dry-needling"].get_parent()
    clinic_index = TreatmentPage.objects.descendant_of(clinics["northeast"]).first().get_parent()
    pages = {}
    for size in (5, 50):
        page = TreatmentPage(
            title=f"Size {size}", slug=f"size-{size}", summary="s", body=_body(size, images, tags)
        )
        page.tags.set(tags[:3])
        index.add_child(instance=page)
        page.save_revision().publish()
        page.create_alias(parent=clinic_index)
        pages[size] = page
    return pages


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
    assert small == large
    assert large <= MAX_QUERIES[host]
