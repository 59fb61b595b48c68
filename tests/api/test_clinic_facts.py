"""One definition of a clinic's facts (home/clinic_facts.py), read by all four clinic shapes."""

import pytest

from cms.openapi.document import build_document
from cms.seo.jsonld import clinic_node
from home.clinic_facts import FACTS, IDENTITY, SERVED_BY_WAGTAIL, SUMMARY, clinic_facts
from treatments.blocks.clinic_aware import clinic_summary

API_FACTS = [name for name in FACTS if name not in SERVED_BY_WAGTAIL]


@pytest.fixture
def northeast(clinics):
    return clinics["northeast"]


def test_clinic_endpoint_serves_every_fact(northeast_api, northeast):
    detail = northeast_api.json(f"clinic/{northeast.pk}/")
    assert list(detail) == ["id", "meta", *API_FACTS, "seo"]
    assert {name: detail[name] for name in API_FACTS} == clinic_facts(northeast, API_FACTS)
    assert detail["meta"]["slug"] == northeast.slug
    listed = northeast_api.json("clinic/")["items"][0]
    assert list(listed) == ["id", "meta", *API_FACTS]  # no seo in the directory


def test_in_pages_a_clinic_is_a_page_whose_facts_are_one_link_away(northeast_api, northeast):
    detail = northeast_api.json(f"pages/{northeast.pk}/")
    assert list(detail) == ["id", "meta", "title", "seo"]
    assert detail["meta"]["clinic"] == {
        **clinic_facts(northeast, IDENTITY),
        "detail_url": f"http://northeast.localhost/api/v2/clinic/{northeast.pk}/",
    }


def test_blocks_and_json_ld_read_the_same_facts(northeast):
    assert clinic_summary(northeast) == clinic_facts(northeast, SUMMARY)
    facts = clinic_facts(northeast, FACTS)
    node = clinic_node(northeast, "http://northeast.localhost/")
    assert (node["name"], node["telephone"], node["email"]) == (
        facts["name"],
        facts["phone"],
        facts["email"],
    )
    assert node["address"]["addressRegion"] == facts["province"]
    assert node["geo"]["latitude"] == facts["latitude"]
    assert len(node["openingHoursSpecification"]) == len(facts["opening_hours"])


def test_the_document_describes_each_shape_from_the_facts(db):
    schemas = build_document()["components"]["schemas"]
    clinic = schemas["clinic.home.ClinicPage"]["properties"]
    for name in API_FACTS:
        assert clinic[name] == FACTS[name].schema, name
    assert list(schemas["ClinicSummary"]["properties"]) == list(SUMMARY)
    assert list(schemas["ClinicMeta"]["properties"]) == [*IDENTITY, "detail_url"]
