"""SEO fields shared by every public page type, and the permissions that split SEO work from content work."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from .api import SeoField
from .panels import ContentPermissionPageForm

TITLE_TAG_RANGE = (30, 60)
DESCRIPTION_RANGE = (70, 160)

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
            "Leave empty to follow the site's rule (a clinic's unconverted copy points to "
            "the library original; every other page to itself). Fill in only to point "
            "search engines somewhere else."
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

    def get_sitemap_urls(self, request=None):
        """A page hidden from search engines is left out of the sitemap."""
        if self.noindex:
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
        ]

    def __str__(self):
        return "SEO permissions"
