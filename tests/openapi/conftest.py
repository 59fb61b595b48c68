"""The served OpenAPI document, and a validator for responses against its schemas."""

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:clinic-cms:openapi"


def schema_validator(document, schema):
    """A JSON Schema 2020-12 validator for `schema`, resolving the document's $refs."""
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource(DOCUMENT_URI, resource)
    return jsonschema.Draft202012Validator(
        _rebase(schema), registry=registry, format_checker=jsonschema.FormatChecker()
    )


def _rebase(schema):
    """Point local `#/components/...` references at the registered document."""
    if isinstance(schema, dict):
        return {
            key: (
                f"{DOCUMENT_URI}{value}"
                if key == "$ref" and value.startswith("#")
                else _rebase(value)
            )
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase(value) for value in schema]
    return schema


def response_schema(document, path, status, method="get"):
    operation = document["paths"][path][method]
    return operation["responses"][str(status)]["content"]["application/json"]["schema"]


def errors_for(document, path, status, data):
    """Messages of every way `data` breaks the documented response schema."""
    validator = schema_validator(document, response_schema(document, path, status))
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


@pytest.fixture
def document(client, db):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()
