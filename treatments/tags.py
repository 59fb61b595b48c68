"""Treatment tags: conditions, body areas and keywords, with an SEO description."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel


class TreatmentTag(TagBase):
    """A taggit tag of the treatment library; SEO staff describe it for its landing pages."""

    description = models.TextField(
        blank=True,
        max_length=300,
        help_text="Shown on the tag's landing page and as its meta description (aim for 50–160 characters).",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tags"
        ordering = ["name"]

    @property
    def landing_path(self):
        """The tag's landing page on any site (cms/seo serves /tags/<slug>/ per site)."""
        return f"/tags/{self.slug}/"


class TaggedTreatment(ItemBase):
    tag = models.ForeignKey(TreatmentTag, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "treatments.TreatmentPage", related_name="tagged_items", on_delete=models.CASCADE
    )
