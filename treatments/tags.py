"""Treatment tags: conditions, body areas and keywords, with an SEO description."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel

from cms.delivery.declarations import DeclaresCacheKeys
from cms.delivery.keys import TAGS, page_key, tag_key, tagged_key


class TreatmentTag(DeclaresCacheKeys, TagBase):
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

    # The response cache (cms/delivery/declarations.py): the tags API lists tags with
    # counts; renaming or deleting one changes the pages showing it and every tag list.
    def cache_dependencies(self, request, allow_queries=True):
        return {TAGS}

    def invalidation_keys(self):
        return {tag_key(self.pk), TAGS}


class TaggedTreatment(DeclaresCacheKeys, ItemBase):
    tag = models.ForeignKey(TreatmentTag, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "treatments.TreatmentPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    def invalidation_keys(self):
        # The tag itself is unchanged: only pages and listings of pages by tag are affected.
        return {page_key(self.content_object_id), tagged_key(self.tag_id), TAGS}
