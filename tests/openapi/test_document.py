"""The OpenAPI document: served, valid, complete, and generated from the code it describes."""

import pathlib

import pytest
from django.conf import settings
from openapi_spec_validator import validate
from wagtail import blocks

from cms.api.router import api_router
from cms.jsonschema import STRING, obj
from cms.openapi.blocks import BlockSchemaGenerator, SchemaGenerationError
from cms.openapi.document import DETAIL_PARAMETERS, build_document
from treatments.blocks import CitationBlock, TreatmentBodyBlock

BLOCK_TYPES = {
    "section",
    "benefits",
    "conditions",
    "steps",
    "safety",
    "evidence",
    "comparison",
    "faq",
    "quote",
    "cta",
    "image",
}


def test_served_as_a_valid_openapi_31_document(client, db):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["ETag"]
    document = response.json()
    assert document["openapi"] == "3.1.0"
    validate(document)  # openapi-spec-validator: raises on any structural error
    again = client.get("/api/v2/openapi.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_served_on_every_site_without_a_query(client, clinics, django_assert_num_queries):
    client.get("/api/v2/openapi.json")  # built once per process
    with django_assert_num_queries(0):
        response = client.get("/api/v2/openapi.json", HTTP_HOST="northeast.localhost")
    assert response.status_code == 200


def test_every_endpoint_has_listing_detail_and_find(document):
    for name in api_router._endpoints:
        base = f"/api/v2/{name}/"
        if name == "preview":
            operation = document["paths"][base]["get"]
            assert set(operation["responses"]) == {"200", "400", "401", "404"}
            continue
        listing = document["paths"][base]["get"]
        detail = document["paths"][f"{base}{{id}}/"]["get"]
        find = document["paths"][f"{base}find/"]["get"]
        assert set(listing["responses"]) == {"200", "400", "404"}
        assert set(detail["responses"]) == {"200", "400", "404"}
        assert set(find["responses"]) == {"302", "400", "404"}
        for operation in (listing, detail, find):
            for status in ("400", "404"):
                if status in operation["responses"]:
                    content = operation["responses"][status]["content"]["application/json"]
                    assert content["schema"] == {"$ref": "#/components/schemas/Error"}


def test_every_query_parameter_the_viewsets_accept_is_described(document):
    for name, viewset in api_router._endpoints.items():
        if name == "preview":
            described = {
                p["name"] for p in document["paths"]["/api/v2/preview/"]["get"]["parameters"]
            }
            assert described == {"token", *DETAIL_PARAMETERS}
            continue
        listing = document["paths"][f"/api/v2/{name}/"]["get"]
        described = {p["name"]: p for p in listing["parameters"]}
        assert set(viewset.known_query_parameters) <= set(described), name
        assert all(p["description"] for p in described.values())
        find = document["paths"][f"/api/v2/{name}/find/"]["get"]
        assert set(viewset.find_query_parameters) <= {p["name"] for p in find["parameters"]}
    pages = {p["name"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    expected = {"site", "type", "fields", "limit", "offset", "order", "search", "search_operator"}
    assert expected | {"child_of", "descendant_of", "ancestor_of", "slug", "tags"} <= pages


def test_treatment_body_is_a_discriminated_union_of_every_block(document):
    schemas = document["components"]["schemas"]
    body = schemas["pages.treatments.TreatmentPage"]["properties"]["body"]
    stream = schemas[body["$ref"].rsplit("/", 1)[1]]
    union = stream["items"]
    assert union["discriminator"]["propertyName"] == "type"
    mapping = union["discriminator"]["mapping"]
    # The library's blocks, plus the local ones a clinic's variation may add (treatments/variations.py).
    assert set(TreatmentBodyBlock().child_blocks) == BLOCK_TYPES
    assert set(mapping) == BLOCK_TYPES | {"price"}
    for block_type, target in mapping.items():
        item = schemas[target.rsplit("/", 1)[1]]
        assert item["properties"]["type"] == {"type": "string", "const": block_type}
        assert item["required"] == ["type", "value", "id"]
        # Where the block comes from, present when a clinic's variation applies.
        assert item["properties"]["source"]["enum"] == ["library", "clinic"]
        value = item["properties"]["value"]
        assert schemas[value["$ref"].rsplit("/", 1)[1]]["type"] == "object"


def test_block_value_schemas_match_docs_blocks_md(document):
    schemas = document["components"]["schemas"]
    props = {
        name: schema["properties"] for name, schema in schemas.items() if "properties" in schema
    }
    assert props["SectionBlock"]["body"]["contentMediaType"] == "text/html"
    assert props["BenefitBlock"]["icon"]["enum"][-1] == ""  # optional choice: "" when unset
    assert props["SideEffectBlock"]["incidence_percent"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 100,
    }
    assert set(props["Citation"]) == {"source", "journal", "year", "url", "doi", "href"}
    assert props["Citation"]["year"]["type"] == ["integer", "null"]
    assert props["EvidenceBlock"]["citation"] == {"$ref": "#/components/schemas/Citation"}
    assert "null" in str(props["SafetyBlock"]["serious_risks_source"])  # optional: null
    assert set(props["QuoteBlock"]) == {
        "text",
        "attribution",
        "attribute_to_clinic",
        "attribution_line",
        "clinics",
    }
    assert set(props["CTABlock"]) == {"heading", "text", "action", "button_label", "links"}
    assert props["CTABlock"]["action"]["enum"] == ["book", "call", "page", "url"]
    assert set(props["ImageBlock"]) == {"image", "alt_text", "caption"}
    assert set(props["Renditions"]) == {"thumbnail", "small", "medium", "large", "social"}
    assert set(props["ConditionBlock"]["tag"]["anyOf"][0].values()) == {
        "#/components/schemas/TagSummary"
    }
    assert props["FAQBlock"]["items"]["minItems"] == 1


class _Unknown(blocks.StructBlock):
    text = blocks.CharBlock()

    def get_api_representation(self, value, context=None):
        return {"shout": value["text"].upper()}


def test_a_block_with_its_own_representation_needs_a_declared_schema():
    stream = blocks.StreamBlock([("shout", _Unknown())])
    with pytest.raises(SchemaGenerationError, match="_Unknown has its own get_api_representation"):
        BlockSchemaGenerator().schema(stream)


class _LouderCitation(CitationBlock):
    def get_api_representation(self, value, context=None):
        return {"shout": "!"}


def test_a_subclass_that_changes_the_representation_needs_its_own_schema():
    # The parent's api_schema describes the parent's representation, not this one.
    stream = blocks.StreamBlock([("cite", _LouderCitation())])
    with pytest.raises(SchemaGenerationError, match="_LouderCitation has its own"):
        BlockSchemaGenerator().schema(stream)


def test_a_block_declares_its_schema_next_to_its_representation():
    class Shout(_Unknown):
        def api_schema(self, schemas):
            return schemas.named(self, lambda: obj({"shout": STRING}))

    generator = BlockSchemaGenerator()
    generator.schema(blocks.StreamBlock([("shout", Shout())]))
    assert generator.components["Shout"]["properties"] == {"shout": STRING}


def test_the_walker_names_no_treatment_block():
    # cms/openapi walks the tree; what a block serves is described in its own module.
    for path in pathlib.Path(settings.BASE_DIR, "cms", "openapi").glob("*.py"):
        assert "from treatments.blocks" not in path.read_text(), path


def test_an_unknown_block_kind_is_refused():
    stream = blocks.StreamBlock([("raw", blocks.StaticBlock())])
    with pytest.raises(SchemaGenerationError, match="no schema for block StaticBlock"):
        BlockSchemaGenerator().schema(stream)


def test_plain_blocks_are_walked_into_schemas():
    class Plain(blocks.StructBlock):
        count = blocks.IntegerBlock(required=False)
        ratio = blocks.DecimalBlock()
        flag = blocks.BooleanBlock(required=False)
        names = blocks.ListBlock(blocks.CharBlock(), max_num=3)

    generator = BlockSchemaGenerator()
    generator.schema(blocks.StreamBlock([("plain", Plain())]))
    plain = generator.components["Plain"]
    assert plain["properties"] == {
        "count": {"type": ["integer", "null"]},
        "ratio": {"type": "number"},
        "flag": {"type": "boolean"},
        "names": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
    }
    assert plain["additionalProperties"] is False


def test_generation_is_deterministic(db):
    assert build_document() == build_document()


def _schema_types(schema):
    """Every `type` a parameter schema names, through anyOf/oneOf."""
    for part in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        if "type" in part:
            yield part["type"]


def test_every_query_parameter_has_one_type_a_validator_can_read(document):
    # A query string never carries JSON null; openapi-core cannot read ["string", "null"].
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                for kind in _schema_types(parameter["schema"]):
                    assert isinstance(kind, str), (path, parameter["name"], kind)
    pages = document["paths"]["/api/v2/pages/"]["get"]["parameters"]
    reviewed_on = next(p for p in pages if p["name"] == "reviewed_on")
    assert reviewed_on["schema"] == {"type": "string", "format": "date"}
