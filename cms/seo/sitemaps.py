"""Each site's sitemap.xml: its own live public pages (clinic aliases included) and its tag pages."""

from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from cms.visibility import public_pages
from treatments.tags import TreatmentTag


class PageSitemap(Sitemap):
    """Wagtail's page sitemap with expiry respected; noindex pages drop themselves (SeoMixin)."""

    def items(self):
        return (
            public_pages(self.get_wagtail_site()).order_by("path").defer_streamfields().specific()
        )


def tags_on_site(site):
    """Tags carried by the site's public treatments, each with `lastmod` (latest publish)."""
    from treatments.models import TreatmentPage

    pages = public_pages(site, TreatmentPage).values("pk")
    return (
        TreatmentTag.objects.filter(tagged_items__content_object_id__in=pages)
        .annotate(
            # Aliases may have no last_published_at of their own: fall back as Wagtail does.
            lastmod=Max(
                Coalesce(
                    "tagged_items__content_object__last_published_at",
                    "tagged_items__content_object__latest_revision_created_at",
                )
            )
        )
        .order_by("slug")
    )


class TagSitemap(Sitemap):
    def items(self):
        return tags_on_site(self.get_wagtail_site())

    def _urls(self, page, protocol, domain):
        root_url = self.get_wagtail_site().root_url
        urls = [
            {"item": tag, "location": f"{root_url}{tag.landing_path}", "lastmod": tag.lastmod}
            for tag in self.paginator.page(page).object_list
        ]
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": PageSitemap, "tags": TagSitemap}


def sitemap_xml(request):
    return sitemap(request, sitemaps=SITEMAPS)
