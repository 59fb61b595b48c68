"""JSON Schema helpers for the OpenAPI document, importing nothing of the project.

Blocks (treatments/blocks) declare their own schemas with these, and cms/openapi
builds the document with them; living here, neither imports the other for them.
"""


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    """`schema` or JSON null (OpenAPI 3.1: a type list for scalars, anyOf otherwise)."""
    if set(schema) <= {"type", "format", "description", "enum"} and "type" in schema:
        result = {**schema, "type": [schema["type"], "null"]}
        if "enum" in schema:
            result["enum"] = [*schema["enum"], None]
        return result
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties, required=None, description=None):
    """A closed object: every key the code writes is listed, nothing else is allowed."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
HTML = {
    "type": "string",
    "contentMediaType": "text/html",
    "description": "Ready HTML (WAGTAILAPI_RICH_TEXT_FORMAT = html), internal links expanded.",
}
URL = {"type": "string", "description": "An absolute URL."}
