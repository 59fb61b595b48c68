"""Builds the demo brand site and clinics; creates what is missing, changes nothing that exists."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from home.models import ClinicPage, HomePage, OpeningHours

from .clinics import BRAND, CLINICS


def _root():
    return Page.get_first_root_node()


@transaction.atomic
def ensure_brand(log=print):
    """The brand HomePage at depth 2 and the default Site pointing at it."""
    home = HomePage.objects.first()
    if home is None:
        root = _root()
        # Wagtail's first migration leaves a plain "Welcome" page with slug "home": retire it.
        for placeholder in root.get_children().filter(slug=BRAND["slug"]):
            if placeholder.specific_class is Page:
                Site.objects.filter(root_page=placeholder).delete()
                placeholder.delete()
        home = root.add_child(
            instance=HomePage(title=BRAND["title"], slug=BRAND["slug"], intro=BRAND["intro"])
        )
        home.save_revision().publish()
        log(f"created brand home page {home.title!r}")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=settings.BASE_DOMAIN,
            port=settings.SITE_PORT,
            root_page=home,
            site_name=BRAND["title"],
            is_default_site=True,
        )
        log(f"created brand site {settings.BASE_DOMAIN}:{settings.SITE_PORT}")
    elif site.root_page_id != home.pk and site.root_page.specific_class is Page:
        site.root_page = home
        site.site_name = site.site_name or BRAND["title"]
        site.save()
        log("pointed the default site at the brand home page")
    return home


@transaction.atomic
def ensure_clinics(log=print):
    """One published ClinicPage per demo clinic, each with its own Site."""
    clinics = {}
    root = _root()
    for facts in CLINICS:
        clinic = ClinicPage.objects.filter(slug=facts["slug"]).first()
        if clinic is None:
            data = {key: value for key, value in facts.items() if key != "hours"}
            clinic = ClinicPage(**data)
            clinic.hours = [
                OpeningHours(sort_order=i, **row) for i, row in enumerate(facts["hours"])
            ]
            root.add_child(instance=clinic)
            clinic.save_revision().publish()
            log(f"created clinic {clinic.title!r} at {clinic.hostname}")
        clinics[facts["slug"]] = clinic
    return clinics
