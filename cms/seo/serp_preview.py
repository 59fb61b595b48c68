"""A search-result preview and live character counters for the title tag and description.

A panel on the promote tab: the server renders the result as the page would show it
now (the fallbacks of cms/seo/meta.py included), and a small script
(static/seo/serp-preview.js) follows what the editor types into `seo_title` and
`search_description`, with a character count against the ranges below (the fields' help texts and the
SEO audit use them too).
No network request, no third-party code.
"""

from django import forms
from django.utils.functional import cached_property
from wagtail.admin.panels import Panel
from wagtail.models import Site

from .meta import page_description, page_title_tag

# The lengths search engines show in full (characters), also the SEO audit's bounds.
TITLE_TAG_RANGE = (30, 60)
DESCRIPTION_RANGE = (70, 160)


class SerpPreviewPanel(Panel):
    """Read-only: holds no field, so it adds nothing a POST could change."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "seo/admin/serp_preview.html"

        @cached_property
        def site(self):
            page = self.instance
            if page is None or not page.pk:
                return Site.objects.filter(is_default_site=True).first()
            return page.get_site() or Site.objects.filter(is_default_site=True).first()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            site_name = self.site.site_name if self.site else ""
            saved_title = page.seo_title
            page.seo_title = ""
            fallback_title = page_title_tag(page, site_name) if page.title else site_name
            page.seo_title = saved_title
            saved_description = page.search_description
            page.search_description = ""
            fallback_description = page_description(page, site_name) if page.title else ""
            page.search_description = saved_description
            url = page.full_url if page.pk and page.url_path else ""
            context.update(
                {
                    "title": page_title_tag(page, site_name) if page.title else site_name,
                    "description": page_description(page, site_name) if page.title else "",
                    "fallback_title": fallback_title,
                    "fallback_description": fallback_description,
                    "site_name": site_name,
                    "url": url,
                    "title_range": TITLE_TAG_RANGE,
                    "description_range": DESCRIPTION_RANGE,
                }
            )
            return context

        @property
        def media(self):
            return forms.Media(js=["seo/serp-preview.js"], css={"all": ["seo/serp-preview.css"]})
