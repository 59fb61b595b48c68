"""Site roots: the brand home page and one ClinicPage per clinic location."""

import datetime

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.delivery.declarations import DeclaresCacheKeys
from cms.delivery.dependencies import valid_until
from cms.delivery.keys import CLINICS, children_key, clinic_key, site_keys
from cms.delivery.page_dependencies import site_ids_for_path
from cms.editorial.clinic_form import ClinicPageForm
from cms.editorial.permissions import ClinicRootPermissionsMixin
from cms.seo.models import SeoMixin
from cms.visibility import ServedViewRestrictionsMixin, public_pages

from . import clinic_facts
from .clinic_facts import Province
from .locator import pins
from .routing import ROUTED_CLINIC_ATTR, SpecificChildRoutingMixin
from .sites import clinic_hostname, sync_clinic_site
from .validators import normalize_postal_code, validate_http_url, validate_postal_code


def site_root_dependencies(page):
    """What a site's home shows (cms/delivery/declarations.py): the treatments of its whole
    tree and their images (get_context), and on a clinic's home the clinic's facts."""
    sites = site_keys(site_ids_for_path(page.url_path))
    return {clinic_key(page.pk), children_key(page.pk)} | sites


class HomePage(
    ServedViewRestrictionsMixin, SeoMixin, SpecificChildRoutingMixin, DeclaresCacheKeys, Page
):
    """The brand site's root: clinic directory and the way into the treatment library."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["treatments.TreatmentIndexPage"]
    child_route_model = "treatments.TreatmentIndexPage"
    max_count = 1

    class Meta:
        verbose_name = "brand home page"

    def content_description(self):
        return self.intro

    def generated_description(self, site_name):
        return f"{self.title}: physiotherapy clinics and clinically reviewed care."

    def get_context(self, request, *args, **kwargs):
        # The treatments it shows come from the template (treatments' `treatments_under` tag).
        context = super().get_context(request, *args, **kwargs)
        clinics = list(public_pages(None, ClinicPage).order_by("title"))
        context["clinics"] = clinics
        context["pins"] = pins(clinics)
        return context

    def cache_dependencies(self, request, allow_queries=True):
        return site_root_dependencies(self)


class ClinicPage(
    ClinicRootPermissionsMixin,
    ServedViewRestrictionsMixin,
    SeoMixin,
    SpecificChildRoutingMixin,
    DeclaresCacheKeys,
    Page,
):
    """One clinic location and the root of its own Wagtail Site.

    The page title is the clinic's name and its slug gives the site's hostname
    (SLUG.BASE_DOMAIN). Every fact about the clinic lives here and nowhere else.
    """

    street_address = models.CharField(max_length=255)
    city = models.CharField(max_length=100, default="Calgary")
    province = models.CharField(max_length=2, choices=Province.choices, default=Province.AB)
    postal_code = models.CharField(
        max_length=7, validators=[validate_postal_code], help_text="For example T2E 7H7."
    )
    country = models.CharField(max_length=2, default="CA", editable=False)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees, between -90 and 90.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees, between -180 and 180.",
    )
    phone = PhoneNumberField(region="CA", help_text="Stored as +1XXXXXXXXXX.")
    email = models.EmailField()
    booking_url = models.URLField(
        max_length=500,
        validators=[validate_http_url],
        help_text="Where patients book online; must start with http:// or https://.",
    )

    content_panels = [
        FieldPanel("title", heading="Clinic name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("province")]),
                FieldPanel("postal_code"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address and location",
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("booking_url", heading="Booking URL"),
            ],
            heading="Contact and booking",
        ),
        InlinePanel(
            "hours",
            heading="Opening hours",
            label="Day",
            min_num=0,
            help_text="One row per day: its opening and closing time, or “Closed all day”.",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("city")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["treatments.TreatmentIndexPage"]
    child_route_model = "treatments.TreatmentIndexPage"
    base_form_class = ClinicPageForm  # slug and expiry: superusers only
    # API v2: clinic/ serves the clinic's facts (home/clinic_facts.py) and its SEO. In
    # pages/ a clinic is a page like the others (title, SEO), its facts one link away
    # at meta.clinic.detail_url (cms/api/pages.py reads pages_api_fields).
    api_fields = [*clinic_facts.api_fields(), *SeoMixin.api_fields]
    pages_api_fields = SeoMixin.api_fields

    class Meta:
        verbose_name = "clinic"

    @property
    def name(self):
        return self.title

    def content_description(self):
        """The clinic's own facts: where it is and how to reach it."""
        return (
            f"{self.title}: physiotherapy at {self.street_address}, {self.city}. "
            f"Treatments, opening hours, directions, phone {self.phone.as_national} "
            "and online booking."
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.localtime()
        context["today"] = now.weekday()
        # "Today" in the hours table must not outlive the day (the response cache).
        tomorrow = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0)
        valid_until(request, tomorrow.replace(microsecond=0))
        return context

    # The response cache (cms/delivery/declarations.py).
    def cache_dependencies(self, request, allow_queries=True):
        return site_root_dependencies(self)

    def api_cache_dependencies(self, request, allow_queries=True):
        """The `clinic/` endpoint's item: the clinic's facts, among the clinics."""
        return {clinic_key(self.pk), CLINICS}

    shows_its_subtree = True  # whether each treatment under it is offered follows the clinic

    def invalidation_keys(self):
        """Its facts and the clinic list."""
        return {clinic_key(self.pk), CLINICS}

    @property
    def directions_url(self):
        """A route to the clinic in the visitor's map app (Google Maps' documented URL scheme)."""
        return (
            f"https://www.google.com/maps/dir/?api=1&destination={self.latitude},{self.longitude}"
        )

    def route(self, request, path_components):
        # Remember the routed clinic so the resolver need not load it again.
        setattr(request, ROUTED_CLINIC_ATTR, self)
        return super().route(request, path_components)

    @property
    def hostname(self):
        return clinic_hostname(self.slug)

    @cached_property
    def opening_hours(self):
        """Rows in weekday order; uses prefetched rows when present."""
        return sorted(self.hours.all(), key=lambda row: (row.day, row.opens or row.closes or 0))

    def clean(self):
        super().clean()
        if self.postal_code:
            try:
                self.postal_code = normalize_postal_code(self.postal_code)
            except ValidationError as error:
                raise ValidationError({"postal_code": error}) from error
        from wagtail.models import Site

        clash = Site.objects.filter(hostname=self.hostname).exclude(root_page_id=self.pk)
        if self.slug and clash.exists():
            raise ValidationError(
                {"slug": f"The hostname {self.hostname} is already used by another site."}
            )

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        sync_clinic_site(self)
        return result


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


TIME_INPUT = forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M")


class OpeningHours(Orderable):
    """One row of a clinic's week: a day with its hours, or the day marked closed."""

    clinic = ParentalKey(ClinicPage, on_delete=models.CASCADE, related_name="hours")
    day = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    closed = models.BooleanField(default=False, help_text="Tick when the clinic is closed all day.")

    # One compact row per day: the browser's own time inputs (HH:MM), the closed box beside.
    panels = [
        FieldRowPanel(
            [
                FieldPanel("day"),
                FieldPanel("opens", widget=TIME_INPUT),
                FieldPanel("closes", widget=TIME_INPUT),
                FieldPanel("closed", heading="Closed all day"),
            ],
            classname="opening-hours-row",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self):
        if self.closed:
            return f"{self.get_day_display()}: closed"
        return f"{self.get_day_display()}: {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        if self.closed:
            if self.opens or self.closes:
                raise ValidationError("A closed day has no opening or closing time; clear them.")
            return
        errors = {}
        if self.opens is None:
            errors["opens"] = "Enter the opening time, or tick closed."
        if self.closes is None:
            errors["closes"] = "Enter the closing time, or tick closed."
        if not errors and self.closes <= self.opens:
            errors["closes"] = "The closing time must be after the opening time."
        if errors:
            raise ValidationError(errors)


def clinic_for_site(site, request=None):
    """The ClinicPage at the root of a site, or None for the brand (or no site)."""
    if site is None:
        return None
    root = site.root_page  # select_related by Site.find_for_request: no query
    if root.content_type_id != ContentType.objects.get_for_model(ClinicPage).pk:
        return None
    routed = getattr(request, ROUTED_CLINIC_ATTR, None)
    if routed is not None and routed.pk == root.pk:
        return routed
    return ClinicPage.objects.filter(pk=root.pk).first()
