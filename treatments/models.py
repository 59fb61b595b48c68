"""The treatment library and the treatment pages every clinic publishes."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from cms.api.review import ReviewDateField, ReviewStatusField, ReviewTextField
from cms.delivery.declarations import DeclaresCacheKeys
from cms.delivery.fanout import DeferredAliasUpdatesMixin
from cms.delivery.keys import children_key, offering_key, offering_keys
from cms.delivery.preview import FRONTEND_MODE_PREFIX, serve_frontend_preview
from cms.editorial.publishing import TreatmentIndexPublishingMixin, TreatmentPublishingMixin
from cms.seo.models import CONTENT_PERMISSION, SeoMixin
from cms.seo.panels import require_permission
from cms.visibility import ServedViewRestrictionsMixin, public_children
from home.models import ClinicPage
from home.routing import SpecificChildRoutingMixin
from home.serving import serve_as
from treatments.clinic_context import clinic_context

from .blocks import TreatmentBodyBlock
from .cards import treatment_cards
from .offerings import originals_under
from .originals import original_id
from .panels import OfferingsPanel
from .review import ClinicalReviewMixin
from .tags import TaggedTreatment
from .variation_api import (
    VARIATION_META_SCHEMA,
    ServedHeroImageField,
    ServedSummaryField,
    body_schema,
    served_stream,
    variation_meta,
)
from .variation_serving import VARIATION_RELATED, prefetch_variations, served_content
from .variations import ClinicVariation

__all__ = ["ClinicVariation", "TreatmentIndexPage", "TreatmentPage"]


class TreatmentIndexPage(
    TreatmentIndexPublishingMixin,  # new treatments go live through Clinical review
    ServedViewRestrictionsMixin,
    SeoMixin,
    SpecificChildRoutingMixin,
    DeclaresCacheKeys,
    Page,
):
    """The treatment library on the brand site, and each clinic's list of what it offers."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = require_permission(
        CONTENT_PERMISSION, [*Page.content_panels, FieldPanel("intro")]
    )
    parent_page_types = ["home.HomePage", "home.ClinicPage"]
    subpage_types = ["treatments.TreatmentPage"]
    child_route_model = "treatments.TreatmentPage"
    # alias_of: view-restriction check; a clinic copy's variation (treatments/variation_serving.py)
    child_route_select_related = ("hero_image", "alias_of", *VARIATION_RELATED)

    class Meta:
        verbose_name = "treatment index"

    def content_description(self):
        return self.intro

    def generated_description(self, site_name):
        return (
            f"The treatments of {site_name}: what each involves, who it helps, "
            "what the evidence says and how to book."
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The listing must change the second one of them expires (treatment_cards).
        context["treatments"] = treatment_cards(public_children(self, TreatmentPage), request)
        return context

    # The response cache (cms/delivery/declarations.py): an index lists its live children,
    # and whether each treatment under it is offered follows the index.
    shows_its_subtree = True

    def cache_dependencies(self, request, allow_queries=True):
        return {children_key(self.pk)}


class TreatmentPage(
    TreatmentPublishingMixin,  # published directly by clinical reviewers only
    DeferredAliasUpdatesMixin,  # the clinics' copies are updated by a task (cms/delivery/fanout.py)
    ServedViewRestrictionsMixin,
    SeoMixin,
    ClinicalReviewMixin,
    DeclaresCacheKeys,
    Page,
):
    """A treatment authored once in the library; clinics carry aliases of it."""

    summary = models.TextField(
        max_length=300, help_text="One or two sentences shown in listings and search results."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(TreatmentBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=TaggedTreatment, blank=True)
    library_page = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="clinic_copies",
        help_text="The library original this clinic page was aliased from (kept after conversion).",
    )

    # Content needs CONTENT_PERMISSION, which SEO staff lack (cms/seo/roles.py).
    content_panels = [
        *require_permission(
            CONTENT_PERMISSION,
            [
                *Page.content_panels,
                FieldPanel("summary"),
                FieldPanel("hero_image"),
                FieldPanel("body"),
            ],
        ),
        OfferingsPanel(heading="Clinics"),
    ]
    promote_panels = [
        MultiFieldPanel([FieldPanel("tags")], heading="Tags"),
        *SeoMixin.promote_panels,
    ]
    settings_panels = [
        *require_permission(CONTENT_PERMISSION, ClinicalReviewMixin.review_panels),
        *Page.settings_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.FilterField("library_page"),
    ]
    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []
    # Serialised by cms/api (typed body, hero renditions, tags); see docs/api.md.
    # summary, hero_image and body as served on the site: a clinic's variation merged in.
    api_fields = [
        APIField("summary", serializer=ServedSummaryField()),
        APIField("hero_image", serializer=ServedHeroImageField()),
        "body",  # cms/api's StreamBodyField asks served_stream
        "tags",
        APIField("review_status", serializer=ReviewStatusField()),
        APIField("reviewer_name", serializer=ReviewTextField()),
        APIField("reviewer_credentials", serializer=ReviewTextField()),
        APIField("reviewed_on", serializer=ReviewDateField()),
        APIField("next_review_due", serializer=ReviewDateField()),
        *SeoMixin.api_fields,
    ]
    exclude_fields_in_copy = ["library_page"]

    class Meta:
        verbose_name = "treatment"
        # Offer and withdraw at every clinic (treatments/offering_rights.py); Editors hold it.
        permissions = [("offer_treatment", "Can offer and withdraw treatments at every clinic")]

    def content_description(self):
        return self.summary

    # The API (cms/api): a clinic's variation comes with the detail's page row, a
    # listing loads its variations in one query, and meta.variation says what it changed.
    api_detail_select_related = VARIATION_RELATED

    @classmethod
    def prefetch_for_api(cls, request, pages, fields):
        prefetch_variations(request, pages)  # meta.variation reads them whatever the fields

    def api_meta_additions(self, request):
        return variation_meta(request, self)

    def served_stream(self, request, field_name):
        return served_stream(request, self, field_name)

    @classmethod
    def api_meta_schemas(cls, schemas):
        return {"variation": VARIATION_META_SCHEMA}

    @classmethod
    def api_field_schema(cls, name, schemas):
        return body_schema(schemas) if name == "body" else None

    @property
    def original(self):
        """The library page this page speaks for (itself when it is the original; originals.py)."""
        pk = original_id(self)
        return self if pk == self.pk else TreatmentPage.objects.get(pk=pk)

    # The response cache (cms/delivery/declarations.py): what a response showing the page
    # shows (treatments/cache_keys.py); publishing it changes which clinics offer its original.
    def cache_dependencies(self, request, allow_queries=True):
        # Not at the top: cache_keys reads rich_text_links, which loads Wagtail's admin
        # rich text converters, whose models are not loaded while this module is.
        from .cache_keys import treatment_dependencies

        return treatment_dependencies(self, request, allow_queries)

    def invalidation_keys(self):
        return {offering_key(original_id(self))}

    @classmethod
    def keys_under(cls, page):
        """A restriction hides the copies under `page`, and the aliases of originals under it."""
        return offering_keys(originals_under(page))

    def save(self, *args, **kwargs):
        if self.alias_of_id and self.library_page_id != self.alias_of_id:
            self.library_page_id = self.alias_of_id
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "library_page"]
        return super().save(*args, **kwargs)

    # Preview: one mode for the brand and one per clinic, so editors can check the
    # clinic-resolved call to action and quote before publishing.
    BRAND_PREVIEW = "brand"

    @property
    def preview_modes(self):
        clinics = list(ClinicPage.objects.order_by("title").values_list("slug", "title"))
        return [
            (self.BRAND_PREVIEW, "Brand site"),
            *clinics,
            *((f"{FRONTEND_MODE_PREFIX}{slug}", f"{title} (front end)") for slug, title in clinics),
        ]

    @property
    def default_preview_mode(self):
        return self.BRAND_PREVIEW

    def serve_preview(self, request, mode_name):
        if mode_name.startswith(FRONTEND_MODE_PREFIX):
            clinic = ClinicPage.objects.filter(
                slug=mode_name.removeprefix(FRONTEND_MODE_PREFIX)
            ).first()
            if clinic is not None:
                return serve_frontend_preview(self, request, clinic.get_site())
        clinic = ClinicPage.objects.filter(slug=mode_name).first()
        serve_as(
            request,
            clinic.get_site() if clinic else Site.objects.filter(is_default_site=True).first(),
        )
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clinic_context"] = clinic_context(request, self)
        # The library's content merged with this clinic's live variation, if any.
        context["served"] = served_content(request, self)
        return context
