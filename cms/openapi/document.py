"""The OpenAPI 3.1 document of API v2, built from the router, the viewsets and the blocks.

Operations come from the registered endpoints, parameters from each viewset's
known_query_parameters and filterable fields, item schemas from its field
lists (fields.py) and the treatment body from the block definitions
(blocks.py). A parameter or field without a description here is an error, so
the document cannot silently fall behind the code.
"""

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import get_page_models

from cms.api.pagination import MAX_OFFSET
from cms.api.router import api_router
from cms.jsonschema import STRING, ref

from .blocks import BlockSchemaGenerator, SchemaGenerationError
from .components import COMPONENTS
from .fields import item_schema, scalar_schema

ID = {"type": "integer", "minimum": 1}
TREE_TARGET = {"anyOf": [ID, {"type": "string", "const": "root"}]}

# Every operation parameter of the v2 viewsets: name -> (schema, description).
PARAMETERS = {
    "site": (
        STRING,
        "The site to answer for, HOSTNAME or HOSTNAME:PORT (default: the Host header). "
        "Unknown: 400.",
    ),
    "fields": (
        STRING,
        "Fields of each item: `a,b`, `*`, `*,-body`, `_,title` (`_` drops the defaults). "
        "Unknown or malformed: 400.",
    ),
    "limit": (None, "Items per page (default 20)."),
    "offset": ({"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, "Items to skip."),
    "order": (
        STRING,
        "A database field to order by, `-field` reversed, or `random` (not with offset).",
    ),
    "search": (STRING, "Full-text search."),
    "search_operator": ({"type": "string", "enum": ["and", "or"]}, "How search words combine."),
    "type": (
        STRING,
        "Page types, `app_label.Model[,...]`; with one type its own fields can be "
        "requested, filtered and ordered. Unknown: 400.",
    ),
    "child_of": (TREE_TARGET, "Children of this page (or of the site root); within the site."),
    "descendant_of": (TREE_TARGET, "Descendants of this page (or of the site root)."),
    "ancestor_of": (ID, "Ancestors of this page, within the site."),
    "translation_of": (TREE_TARGET, "Translations of this page."),
    "locale": (STRING, "A language code, e.g. en. Unknown: 400."),
    "rich_text_format": (
        {"type": "string", "enum": ["html", "db_html", "markdown", "db_markdown"]},
        "Rich text output format (default html).",
    ),
    "format": (
        {"type": "string", "enum": ["json"]},
        "Response format. `api` gives Django REST framework's HTML browsable view, "
        "any other value a 404.",
    ),
    "_": (STRING, "Ignored (cache-busting)."),
    "token": (STRING, "A preview token from the editor's preview panel."),
    "html_path": (STRING, "A URL path of slugs, e.g. /treatments/dry-needling/."),
    "id": (ID, "An object id."),
    "slug": (STRING, "A slug."),
}
DETAIL_PARAMETERS = ("site", "fields", "rich_text_format", "format", "_")

ERROR = {"application/json": {"schema": ref("Error")}}


def _parameter(name, schema, description, required=False):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


def _known(viewset, name):
    if name not in PARAMETERS:
        raise SchemaGenerationError(f"{viewset.__name__}: describe query parameter {name!r}")
    schema, description = PARAMETERS[name]
    if name == "limit":
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        schema = {"type": "integer", "minimum": 0, "maximum": limit_max}
        description = f"{description[:-1]}, at most {limit_max})."
    return _parameter(name, schema, description)


def _filters(viewset, models):
    """`FIELD=value` filters: the database fields of the endpoint's models."""
    parameters = {}
    for model in models:
        only_with_type = model is not models[0]
        for name in viewset.get_available_fields(model, db_fields_only=True):
            if name in parameters or name in viewset.known_query_parameters or name == "locale":
                continue
            field = model._meta.get_field(name)
            if field.is_relation and not field.many_to_many:
                schema = ID
            else:
                schema = scalar_schema(field, allow_null=False)
            description = f"Filter: items whose {name} equals this value."
            if only_with_type:
                description += f" Needs type={model._meta.label}."
            parameters[name] = _parameter(name, schema or STRING, description)
    return list(parameters.values())


class Endpoint:
    """One v2 endpoint: its viewset, the models it serves, and what it answers."""

    def __init__(self, name, viewset, models, summary):
        self.name, self.viewset, self.models, self.summary = name, viewset, models, summary


def _endpoints():
    pages = get_page_models()
    described = {
        "pages": (pages, "The site's pages."),
        "images": ([get_image_model()], "Images outside restricted collections."),
        "documents": ([get_document_model()], "Documents outside restricted collections."),
        "clinic": (None, "The clinic's facts and opening hours (the directory on the brand site)."),
        "tags": (None, "Tags of the site's published treatments, with usage counts."),
        "preview": (pages, "A draft frozen for preview, by token (not cached)."),
    }
    endpoints = []
    for name, viewset in api_router._endpoints.items():
        if name not in described:
            raise SchemaGenerationError(f"describe the v2 endpoint {name!r} in cms/openapi")
        models, summary = described[name]
        endpoints.append(Endpoint(name, viewset, models or [viewset.model], summary))
    return endpoints


class DocumentBuilder:
    def __init__(self):
        self.blocks = BlockSchemaGenerator()
        self.schemas = dict(COMPONENTS)
        self.paths = {}

    def item_ref(self, endpoint):
        """The item schema of an endpoint: one per model, a union when it serves several."""
        refs = []
        for model in endpoint.models:
            name = f"{endpoint.name}.{model._meta.label}"
            self.schemas[name] = item_schema(endpoint.viewset, model, self.blocks)
            refs.append(ref(name))
        union_name = f"{endpoint.name}.Item"
        self.schemas[union_name] = refs[0] if len(refs) == 1 else {"anyOf": refs}
        return ref(union_name)

    def add(self, endpoint):
        """The endpoint's paths: listing, detail and find (preview has one of its own)."""
        item = self.item_ref(endpoint)
        base = f"/api/v2/{endpoint.name}/"
        if endpoint.name == "preview":
            self.paths[base] = {"get": self.preview(endpoint, item)}
            return
        known = sorted(endpoint.viewset.known_query_parameters)
        self.paths[base] = {"get": self.listing(endpoint, item, known)}
        self.paths[f"{base}{{id}}/"] = {"get": self.detail(endpoint, item, known)}
        self.paths[f"{base}find/"] = {"get": self.find(endpoint, known)}

    def listing(self, endpoint, item, known):
        listing = f"{endpoint.name}.Listing"
        self.schemas[listing] = {
            "type": "object",
            "properties": {"meta": ref("ListingMeta"), "items": {"type": "array", "items": item}},
            "required": ["meta", "items"],
            "additionalProperties": False,
        }
        viewset = endpoint.viewset
        return self.operation(
            endpoint,
            "listing",
            f"List {endpoint.name}. {endpoint.summary}",
            [_known(viewset, n) for n in known] + _filters(viewset, endpoint.models),
            {
                "200": self.json("A page of items.", ref(listing)),
                "400": self.error("Bad input."),
                "404": self.error("Unknown format."),
            },
        )

    def detail(self, endpoint, item, known):
        return self.operation(
            endpoint,
            "detail",
            f"One of {endpoint.name}, with every field by default.",
            [
                {"name": "id", "in": "path", "required": True, "schema": ID},
                *(_known(endpoint.viewset, n) for n in DETAIL_PARAMETERS if n in known),
            ],
            {
                "200": self.json("The item.", item),
                "400": self.error("Bad input, e.g. a malformed id."),
                "404": self.error("Not shown on this site."),
            },
        )

    def find(self, endpoint, known):
        find_by = sorted(endpoint.viewset.find_query_parameters)
        return self.operation(
            endpoint,
            "find",
            f"Redirect to the detail of the item found by {' or '.join(find_by)}; "
            "other parameters are carried over.",
            [_parameter(n, *PARAMETERS[n]) for n in find_by]
            + [_known(endpoint.viewset, n) for n in DETAIL_PARAMETERS if n in known],
            {
                "302": {
                    "description": "Found: the Location is the detail URL.",
                    "headers": {"Location": {"required": True, "schema": STRING}},
                },
                "400": self.error("Nothing to find by, or a malformed value."),
                "404": self.error("Not shown on this site."),
            },
        )

    def preview(self, endpoint, item):
        known = sorted(endpoint.viewset.known_query_parameters)
        parameters = [_known(endpoint.viewset, n) for n in DETAIL_PARAMETERS if n in known]
        parameters.insert(0, _parameter("token", *PARAMETERS["token"], required=True))
        return self.operation(
            endpoint,
            "read",
            "The draft an editor previewed, resolved for the clinic it was opened for.",
            parameters,
            {
                "200": self.json("The draft, shaped as pages/{id}/.", item),
                "400": self.error("No token."),
                "401": self.error("Invalid or expired token."),
                "404": self.error("The page no longer exists."),
            },
        )

    @staticmethod
    def operation(endpoint, kind, summary, parameters, responses):
        return {
            "operationId": f"{endpoint.name}_{kind}",
            "tags": [endpoint.name],
            "summary": summary,
            "parameters": parameters,
            "responses": responses,
        }

    @staticmethod
    def json(description, schema):
        return {"description": description, "content": {"application/json": {"schema": schema}}}

    @staticmethod
    def error(description):
        return {"description": description, "content": ERROR}

    def build(self):
        for endpoint in _endpoints():
            self.add(endpoint)
        self.schemas.update(self.blocks.components)
        return {
            "openapi": "3.1.0",
            "info": {
                "title": "Clinic CMS content API",
                "version": "2",
                "description": (
                    "Wagtail API v2, scoped to one site (Host header or ?site=) and "
                    "private by default. Errors are JSON {message}. See docs/api.md."
                ),
            },
            "paths": self.paths,
            "components": {"schemas": self.schemas},
        }


def build_document():
    """The whole document, as a dict ready for JSON."""
    return DocumentBuilder().build()
