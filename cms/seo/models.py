"""SEO fields shared by every public page type, and the permissions that split SEO work from content work."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from .api import SeoField
from .panels import ContentPermissionPageForm
from .serp_preview import DESCRIPTION_RANGE, TITLE_TAG_RANGE, SerpPreviewPanel

# Granted to editors, withheld from SEO staff: content panels require it.
CONTENT_PERMISSION = "seo.change_page_content"


class SeoMixin(models.Model):
    """Overrides an editor may need on top of Wagtail's title tag and meta description.

    Pages carry their own `promote_panels` and an API field, so a page type
    only lists the mixin first among its bases.
    """

    canonical_url = models.URLField(
        "canonical URL override",
        max_length=500,
        blank=True,
        help_text=(
            "Leave empty: every page, a clinic's copy included, is canonical to itself on "
            "the site serving it. Fill in only to point search engines somewhere else "
            "(the page then leaves the sitemap). On a library page it applies to every "
            "clinic's copy."
        ),
    )
    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="share image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; defaults to the hero image. Best at 1200×630.",
    )
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Adds noindex to the page and leaves it out of the sitemap.",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text=(
                        f"Used as the whole title tag. Aim for {TITLE_TAG_RANGE[0]}–"
                        f"{TITLE_TAG_RANGE[1]} characters; when empty the title tag is "
                        "“page title | site name”."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    help_text=(
                        f"The meta description. Aim for {DESCRIPTION_RANGE[0]}–"
                        f"{DESCRIPTION_RANGE[1]} characters that say what the page offers."
                    ),
                ),
                SerpPreviewPanel(heading="Search result preview"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [FieldPanel("canonical_url"), FieldPanel("noindex"), FieldPanel("og_image")],
            heading="Canonical, indexing and sharing",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
    ]
    api_fields = [APIField("seo", serializer=SeoField())]
    # Keeps the title of a user without the content permission (cms/seo/panels.py).
    base_form_class = ContentPermissionPageForm

    class Meta:
        abstract = True

    def content_description(self):
        """Text of the page's own content that serves as its meta description when the
        editor wrote none (a treatment's summary, an index's intro); "" when none."""
        return ""

    def generated_description(self, site_name):
        """The last resort, when neither the editor nor the content gives one."""
        return f"{self.title} at {site_name}." if site_name else self.title

    def get_sitemap_urls(self, request=None):
        """A sitemap lists canonical, indexable URLs only: not a page hidden from search
        engines, nor one whose canonical override points elsewhere."""
        from .canonical import is_self_canonical

        if self.noindex or not is_self_canonical(self, request):
            return []
        return super().get_sitemap_urls(request)


class SeoPermission(models.Model):
    """Holds the SEO permissions (no table), as wagtailadmin's Admin model holds access_admin."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("change_page_content", "Can change page content (title, summary, body)"),
            ("view_seo_audit", "Can view the SEO audit report"),
            (
                "publish_seo_changes",
                "Can publish changes to SEO fields only, without clinical review",
            ),
        ]

    def __str__(self):
        return "SEO permissions"
