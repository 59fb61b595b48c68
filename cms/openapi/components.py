"""The shapes several endpoints and blocks share (the helpers are in cms/jsonschema.py).

Each shape mirrors one function of the serving code, named in its description;
tests/openapi validates real responses against them.
"""

from cms.jsonschema import BOOLEAN, INTEGER, STRING, URL, nullable, obj, ref
from home.clinic_facts import IDENTITY, SUMMARY, facts_schema
from treatments.renditions import RENDITIONS

RENDITION = obj(
    {"url": URL, "width": INTEGER, "height": INTEGER},
    description="One rendition (treatments/renditions.py); url is absolute on the requested site.",
)
SRCSET = {
    "type": "string",
    "description": "The small, medium and large renditions as an <img srcset> value: "
    "`URL 400w, URL 800w, URL 1600w` (one entry per width; empty when the file is missing).",
}

COMPONENTS = {
    "Error": obj(
        {"message": STRING},
        description="Every 400, 401 and 404 of the API (cms/api/errors.py).",
    ),
    "ListingMeta": obj({"total_count": INTEGER}),
    "Rendition": RENDITION,
    "Renditions": obj(
        {name: nullable(ref("Rendition")) for name in RENDITIONS},
        description="The documented sizes; each is null when the image file is missing.",
    ),
    "Image": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": ref("Renditions"),
            "srcset": SRCSET,
        },
        description="An image as blocks serve it (treatments.renditions.image_api_representation).",
    ),
    "ImageField": obj(
        {
            "id": INTEGER,
            "meta": obj({"type": STRING, "detail_url": URL}),
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": ref("Renditions"),
            "srcset": SRCSET,
        },
        required=["id", "meta", "title", "renditions", "srcset"],
        description="An image foreign key of a page (cms.api.serializers.ImageRenditionsField).",
    ),
    # Two subsets of a clinic's facts (home/clinic_facts.py); clinic/ has them all. The
    # summary's phone says E.164, as it always has (clinic/'s phone never did).
    "ClinicSummary": obj(
        facts_schema(SUMMARY, phone={"type": "string", "description": "E.164, e.g. +14035550142."}),
        description="A clinic in clinic-aware blocks (treatments.blocks.clinic_aware.clinic_summary).",
    ),
    "ClinicMeta": obj(
        {**facts_schema(IDENTITY), "detail_url": URL},
        description="meta.clinic: the clinic a response is for (cms.api.serializers.ClinicMetaField).",
    ),
    "TagSummary": obj({"id": INTEGER, "name": STRING, "slug": STRING}),
    "PageSummary": obj(
        {
            "id": INTEGER,
            "meta": obj(
                {"type": STRING, "detail_url": URL, "html_url": nullable(URL)},
                required=["type", "detail_url"],
            ),
            "title": STRING,
        },
        description="A nested page (meta.parent, meta.alias_of).",
    ),
    "OpeningHours": obj(
        {
            "day": {"type": "integer", "minimum": 0, "maximum": 6, "description": "Monday = 0."},
            "day_name": STRING,
            "opens": nullable({"type": "string", "description": "HH:MM"}),
            "closes": nullable({"type": "string", "description": "HH:MM"}),
            "closed": BOOLEAN,
        }
    ),
    "JsonLd": obj(
        {
            "@context": {"type": "string", "const": "https://schema.org"},
            "@graph": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {"@type": STRING, "@id": STRING},
                    "required": ["@type"],
                    "description": "A schema.org node (MedicalOrganization, MedicalClinic, "
                    "MedicalWebPage, FAQPage, BreadcrumbList, ...).",
                },
            },
        },
        description="meta.jsonld (page detail only): the schema.org graph the page's HTML "
        "embeds in <script type=application/ld+json>, equal to it (cms.seo.jsonld.jsonld_for); "
        "null for page types without structured data.",
    ),
    "PreviewMeta": obj(
        {
            "site": {
                "type": "string",
                "description": "The site previewed on, as ?site= takes it (HOST or HOST:PORT).",
            },
            "html_path": nullable(
                {
                    "type": "string",
                    "description": "The page's path on that site, e.g. "
                    "/treatments/dry-needling/ (where the front end shows the draft).",
                }
            ),
            "expires_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the token stops working (PREVIEW_TOKEN_MAX_AGE).",
            },
        },
        description="meta.preview, on preview/ only (cms.api.preview.PreviewMetaField).",
    ),
    "Seo": obj(
        {
            "title": STRING,
            "description": STRING,
            "canonical": STRING,
            "robots": STRING,
            "site_name": STRING,
            "og_type": STRING,
            "image": nullable(
                obj({"url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING})
            ),
            "twitter_card": {"type": "string", "enum": ["summary", "summary_large_image"]},
        },
        description="The page's head metadata (cms.seo.meta.PageMeta.as_dict).",
    ),
}
