"""schema.org JSON-LD built from the models, never typed by hand.

Brand home: a MedicalOrganization with its clinics. Clinic home: a
MedicalClinic with its facts. Treatment: a MedicalWebPage about a
MedicalTherapy, its FAQPage and its BreadcrumbList. Each builder returns a
list of nodes; `jsonld_for` wraps them in one @graph.
"""

import json

from django.utils.html import strip_tags

from cms.visibility import public_pages
from home.clinic_facts import clinic_facts
from home.models import ClinicPage, HomePage

from .canonical import canonical_url

CONTEXT = "https://schema.org"
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data):
    """JSON safe to place inside <script type="application/ld+json">."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def graph(nodes):
    return {"@context": CONTEXT, "@graph": nodes} if nodes else None


def _site_root_url(page, request):
    return page.get_site().root_url + "/" if request is None else page.get_full_url(request)


def organization_id(brand_url):
    return f"{brand_url}#organization"


def clinic_id(clinic_url):
    return f"{clinic_url}#clinic"


# The facts a MedicalClinic node shows; its url is the page's on the requested site.
CLINIC_NODE_FACTS = (
    "name",
    "phone",
    "email",
    "street_address",
    "city",
    "province",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "booking_url",
    "opening_hours",
)


def opening_hours(hours):
    """schema.org's opening hours from the clinic's `opening_hours` fact."""
    rows = []
    for row in hours:
        opens, closes = ("00:00", "00:00") if row["closed"] else (row["opens"], row["closes"])
        rows.append(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{row['day_name']}",
                "opens": opens,
                "closes": closes,
            }
        )
    return rows


def clinic_node(clinic, url, brand_url=None):
    """The clinic's facts (home/clinic_facts.py) under schema.org's names."""
    facts = clinic_facts(clinic, CLINIC_NODE_FACTS)
    node = {
        "@type": "MedicalClinic",
        "@id": clinic_id(url),
        "name": facts["name"],
        "url": url,
        "telephone": facts["phone"],
        "email": facts["email"],
        "medicalSpecialty": "Physiotherapy",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": facts["street_address"],
            "addressLocality": facts["city"],
            "addressRegion": facts["province"],
            "postalCode": facts["postal_code"],
            "addressCountry": facts["country"],
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": facts["latitude"],
            "longitude": facts["longitude"],
        },
        "openingHoursSpecification": opening_hours(facts["opening_hours"]),
    }
    if facts["booking_url"]:
        node["potentialAction"] = {
            "@type": "ReserveAction",
            "target": facts["booking_url"],
            "name": f"Book at {facts['name']}",
        }
    if brand_url:
        node["parentOrganization"] = {"@id": organization_id(brand_url)}
    return node


def brand_nodes(brand, request):
    url = _site_root_url(brand, request)
    clinics = public_pages(None, ClinicPage).prefetch_related("hours").order_by("title")
    return [
        {
            "@type": "MedicalOrganization",
            "@id": organization_id(url),
            "name": brand.title,
            "url": url,
            "medicalSpecialty": "Physiotherapy",
            "subOrganization": [
                clinic_node(clinic, clinic.get_full_url(request), brand_url=url)
                for clinic in clinics
            ],
        }
    ]


def clinic_nodes(clinic, request):
    brand = HomePage.objects.live().first()
    brand_url = brand.get_full_url(request) if brand else None
    return [clinic_node(clinic, clinic.get_full_url(request), brand_url=brand_url)]


def breadcrumb_node(page, request, url):
    """Home → … → page on the site serving it (parents cached by routing cost no query)."""
    trail, current = [], page
    while current is not None and current.depth >= 2:
        trail.append(current)
        current = current.get_parent() if current.depth > 2 else None
    return {
        "@type": "BreadcrumbList",
        "@id": f"{url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(reversed(trail), start=1)
        ],
    }


def faq_node(page, url):
    questions = [
        item for block in page.body if block.block_type == "faq" for item in block.value["items"]
    ]
    if not questions:
        return None
    return {
        "@type": "FAQPage",
        "@id": f"{url}#faq",
        "url": url,
        "isPartOf": {"@id": f"{url}#webpage"},
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": str(item["answer"])},
            }
            for item in questions
        ],
    }


def reviewer_node(review):
    node = {"@type": "Person", "name": review.reviewer_name}
    if review.reviewer_credentials:
        node["jobTitle"] = review.reviewer_credentials
    return node


def offering_nodes(offering, therapy_id, request):
    """The clinics offering a treatment (treatments/offerings.py), each naming it as a service."""
    nodes = []
    for clinic in offering:
        clinic_url = clinic.get_full_url(request)
        nodes.append(
            {
                "@type": "MedicalClinic",
                "@id": clinic_id(clinic_url),
                "name": clinic.title,
                "url": clinic_url,
                "availableService": {"@id": therapy_id},
            }
        )
    return nodes


def treatment_nodes(page, request, clinic=None, offering=()):
    """On a clinic's site the clinic publishes the page; on the brand the offering clinics list it."""
    url = page.get_full_url(request)
    webpage = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": canonical_url(page, request),
        "name": page.seo_title or page.title,
        "description": page.search_description or strip_tags(page.summary),
        "about": {
            "@type": "MedicalTherapy",
            "@id": f"{url}#therapy",
            "name": page.title,
            "description": strip_tags(page.summary),
        },
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
    }
    review = page.review  # None when the content shown is not the content reviewed
    if review is not None:
        webpage["lastReviewed"] = review.reviewed_on.isoformat()
        webpage["reviewedBy"] = reviewer_node(review)
    if page.last_published_at:
        webpage["dateModified"] = page.last_published_at.isoformat()
    if clinic is not None:
        webpage["publisher"] = {
            "@type": "MedicalClinic",
            "@id": clinic_id(clinic.get_full_url(request)),
            "name": clinic.title,
        }
    nodes = (webpage, faq_node(page, url), breadcrumb_node(page, request, url))
    offered = offering_nodes(offering, f"{url}#therapy", request) if clinic is None else []
    return [node for node in nodes if node] + offered


def jsonld_for(page, request, clinic=None, offering=()):
    """The JSON-LD graph for a page, or None for page types without structured data."""
    from treatments.models import TreatmentPage

    if isinstance(page, HomePage):
        return graph(brand_nodes(page, request))
    if isinstance(page, ClinicPage):
        return graph(clinic_nodes(page, request))
    if isinstance(page, TreatmentPage):
        return graph(treatment_nodes(page, request, clinic, offering))
    return None


def tag_page_nodes(site, tag, heading, url, treatments, request, description):
    """A CollectionPage listing the site's treatments with the tag, and its breadcrumb.

    `description` is the page's meta description, so the two never disagree."""
    home_url = site.root_url + "/"
    return [
        {
            "@type": "CollectionPage",
            "@id": f"{url}#webpage",
            "url": url,
            "name": heading,
            "description": description,
            "about": {"@type": "Thing", "name": tag.name},
            "mainEntity": {
                "@type": "ItemList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "url": page.get_full_url(request),
                        "name": page.title,
                    }
                    for position, page in enumerate(treatments, start=1)
                ],
            },
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
        },
        {
            "@type": "BreadcrumbList",
            "@id": f"{url}#breadcrumb",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": site.site_name, "item": home_url},
                {"@type": "ListItem", "position": 2, "name": heading, "item": url},
            ],
        },
    ]
