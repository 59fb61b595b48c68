"""The pages a site shows an anonymous visitor: the one rule sitemaps and tag pages share."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def site_public_pages(site, model=Page):
    """Live, unexpired pages of `site` (its root included) outside any view restriction.

    Costs one query for the restrictions (Wagtail's `public()`) plus the listing.
    """
    now = timezone.now()
    return (
        model._default_manager.live()
        .descendant_of(site.root_page, inclusive=True)
        .public()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
