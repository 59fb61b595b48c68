"""Builds the demo treatment library and each clinic's aliases of it.

Same rule as the rest of seed_demo: create what is missing (matched by slug,
tag name or image title), never change what exists.
"""

import datetime
import io
import json

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from home import art
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.review import clinical_digest
from treatments.tags import TreatmentTag

from .library import OFFERINGS, TREATMENTS

HERO_SIZE = (1600, 900)


def hero_image(title, ink, paper):
    """A locally drawn hero image (foothills in the treatment's colours, home/art.py); reused by title."""
    Image = get_image_model()
    image_title = f"Hero: {title}"
    existing = Image.objects.filter(title=image_title).first()
    if existing:
        return existing
    width, height = getattr(settings, "DEMO_HERO_SIZE", HERO_SIZE)
    slug = title.lower().replace(" ", "-")
    data = art.png(slug, ink=ink, sky=paper, width=width, height=height)
    return Image.objects.create(
        title=image_title, file=ImageFile(io.BytesIO(data), name=f"hero-{slug}.png")
    )


def ensure_tags(names):
    tags = {}
    for name in names:
        tag = TreatmentTag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = TreatmentTag.objects.create(name=name)
        tags[name] = tag
    return tags


def _resolve_tag_links(body, tags):
    """Replace "{tag:NAME}" placeholders in condition items with tag ids."""
    raw = json.dumps(body)
    for name, tag in tags.items():
        raw = raw.replace(json.dumps(f"{{tag:{name}}}"), str(tag.pk))
    return json.loads(raw.replace('"tag": ""', '"tag": null'))


def _index(parent, title, intro):
    index = TreatmentIndexPage.objects.child_of(parent).filter(slug="treatments").first()
    if index is None:
        index = parent.add_child(
            instance=TreatmentIndexPage(title=title, slug="treatments", intro=intro)
        )
        index.save_revision().publish()
    return index


@transaction.atomic
def ensure_library(home, log=print):
    library = _index(
        home,
        "Treatment library",
        "<p>Every treatment our clinics offer, reviewed by our clinical team.</p>",
    )
    reviewed_on = timezone.localdate() - datetime.timedelta(days=60)
    pages = {}
    for data in TREATMENTS:
        page = TreatmentPage.objects.child_of(library).filter(slug=data["slug"]).first()
        if page is None:
            tags = ensure_tags(data["tags"])
            red, green, blue = data["hero"][1]
            page = TreatmentPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                seo_title=data["seo_title"],
                search_description=data["search_description"],
                hero_image=hero_image(data["hero"][0], (red, green, blue), data["hero"][2]),
                body=_resolve_tag_links(data["body"], ensure_tags(_linked_tag_names(data["body"]))),
                reviewer_name=data["reviewer_name"],
                reviewer_credentials=data["reviewer_credentials"],
                reviewed_on=reviewed_on,
                next_review_due=reviewed_on + datetime.timedelta(days=365),
            )
            page.tags.set(list(tags.values()))
            library.add_child(instance=page)
            # The demo content counts as reviewed: bind its stamp to the content as saved.
            page.review_digest = clinical_digest(page)
            page.save_revision().publish()
            page.refresh_from_db()  # publish() saved another instance; aliases copy this one
            log(f"created treatment {page.title!r}")
        pages[data["slug"]] = page
    return pages


def _linked_tag_names(body):
    raw = json.dumps(body)
    names, marker = [], '"{tag:'
    start = raw.find(marker)
    while start != -1:
        end = raw.find('}"', start)
        names.append(raw[start + len(marker) : end])
        start = raw.find(marker, end)
    return names


@transaction.atomic
def ensure_clinic_aliases(clinics, library_pages, log=print):
    """Each clinic's treatments index, holding an alias of every treatment it offers."""
    for slug, clinic in clinics.items():
        index = _index(clinic, "Treatments", f"<p>Treatments offered at {clinic.title}.</p>")
        for treatment_slug in OFFERINGS.get(slug, []):
            original = library_pages.get(treatment_slug)
            if original is None:
                continue
            carried = Page.objects.child_of(index).filter(alias_of=original).exists() or (
                TreatmentPage.objects.child_of(index).filter(library_page=original).exists()
            )
            if not carried:
                original.create_alias(parent=index)
                log(f"{clinic.title} now carries {original.title!r}")
