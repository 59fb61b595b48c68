"""Keeps each clinic's Wagtail Site in step with its ClinicPage."""

from django.conf import settings


def clinic_hostname(slug):
    return f"{slug}.{settings.BASE_DOMAIN}"


def sync_clinic_site(clinic):
    """Create or update the Site rooted at this clinic: hostname from slug, name from title."""
    from wagtail.models import Site

    hostname = clinic_hostname(clinic.slug)
    site = Site.objects.filter(root_page_id=clinic.pk).first()
    if site is None:
        return Site.objects.create(
            hostname=hostname,
            port=settings.SITE_PORT,
            root_page_id=clinic.pk,
            site_name=clinic.title,
            is_default_site=False,
        )
    changed = (site.hostname, site.port, site.site_name) != (
        hostname,
        settings.SITE_PORT,
        clinic.title,
    )
    if changed:
        site.hostname, site.port, site.site_name = hostname, settings.SITE_PORT, clinic.title
        site.save()
    return site
