"""Admin views for SEO staff's tag work: usage per site, rename, merge, delete with its consequences."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Lower, Substr
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify
from django.views.generic import FormView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page, Site
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView

from treatments.tags import TaggedTreatment, TreatmentTag

from .tag_merge import affected_pages, merge_tags, rename_redirect

ROOT_PATH_LENGTH = Page.steplen * 2  # site roots (brand home, clinics) sit at depth 2
DESCRIPTION_SHOWN = 70  # characters of a tag's description in the listing


def usage_by_site(tags):
    """{tag id: {site id: live pages carrying it}} for the given tags, in one query."""
    roots = {
        site.root_page.path: site.pk
        for site in Site.objects.select_related("root_page")
        if site.root_page.depth == 2
    }
    rows = (
        TaggedTreatment.objects.filter(tag__in=tags, content_object__live=True)
        .annotate(root=Substr("content_object__path", 1, ROOT_PATH_LENGTH))
        .values("tag_id", "root")
        .annotate(pages=Count("content_object_id", distinct=True))
    )
    usage = {}
    for row in rows:
        site_id = roots.get(row["root"])
        if site_id is not None:
            usage.setdefault(row["tag_id"], {})[site_id] = row["pages"]
    return usage


def sites_in_listing_order():
    """The brand (default site) first, then clinics by name."""
    return sorted(Site.objects.all(), key=lambda site: (not site.is_default_site, site.site_name))


def by_name(queryset):
    """Tags in alphabetical order whatever their case ("Back pain" beside "back pain")."""
    return queryset.order_by(Lower("name"), "pk")


class TagIndexView(IndexView):
    """Tags with their total use and their use on each site; sortable by total; names in
    alphabetical order whatever their case; laid out to fit 1366 px (tag_admin.css)."""

    table_classname = "listing tag-usage"

    def order_queryset(self, queryset):
        ordering = self.ordering
        if isinstance(ordering, (list, tuple)) and len(ordering) == 1:
            ordering = ordering[0]  # the viewset's default, ["name"]
        if ordering in ("name", "-name"):
            name = Lower("name")
            return queryset.order_by(name.desc() if ordering == "-name" else name, "pk")
        return super().order_queryset(queryset)

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                usage_count=Count("tagged_items", filter=Q(tagged_items__content_object__live=True))
            )
        )

    @cached_property
    def columns(self):
        per_site = [
            Column(
                f"site_{site.pk}",
                label=site.site_name,
                accessor=lambda tag, site_id=site.pk: tag.site_usage.get(site_id, 0),
            )
            for site in sites_in_listing_order()
        ]
        columns = [
            Column(
                "description",
                label=column.label,
                accessor=lambda tag: Truncator(tag.description).chars(DESCRIPTION_SHOWN),
            )
            if column.name == "description"
            else column
            for column in super().columns
        ]
        return [*columns, *per_site]

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        tags = list(object_list)
        usage = usage_by_site(tags)
        for tag in tags:
            tag.site_usage = usage.get(tag.pk, {})
        page.object_list = tags
        return paginator, page, tags, is_paginated

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "delete"):
            buttons.append(
                HeaderButton("Merge tags", url=reverse(merge_url_name()), icon_name="resubmit")
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "delete"):
            url = reverse(merge_url_name()) + f"?source={instance.pk}"
            buttons.append(MenuItem("Merge into…", url=url, icon_name="resubmit", priority=25))
        return buttons


def unique_tag_slug(name, exclude_pk):
    """The slug a tag named `name` would get, not taken by another tag."""
    base = slugify(name)[:95] or "tag"
    slug, number = base, 1
    while TreatmentTag.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class TagEditView(EditView):
    """Renaming a tag renames its slug with it (unless the slug was edited too), and keeps
    the old landing page URL alive with a redirect to the new one."""

    def save_instance(self):
        old_name, old_slug = (
            TreatmentTag.objects.filter(pk=self.object.pk).values_list("name", "slug").first()
        )
        data = self.form.cleaned_data
        if data.get("name") != old_name and data.get("slug") == old_slug:
            self.form.instance.slug = unique_tag_slug(data["name"], self.object.pk)
        instance = super().save_instance()
        rename_redirect(old_slug, instance)
        return instance


class TagDeleteView(DeleteView):
    """The confirmation lists every page that carries or links the tag, live or in a draft."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["affected_pages"] = pages_with_sites(affected_pages(self.object))
        return context


class MergeTagsForm(forms.Form):
    source = forms.ModelChoiceField(
        by_name(TreatmentTag.objects.all()),
        label="Merge this tag",
        help_text="It is deleted after the merge.",
    )
    target = forms.ModelChoiceField(
        by_name(TreatmentTag.objects.all()),
        label="into this tag",
        help_text="Every page, draft and body link of the first tag moves to this one.",
    )

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError("Choose two different tags.")
        return data


TAG_ADMIN_NAMESPACE = "wagtailsnippets_treatments_treatmenttag"


def merge_url_name():
    return f"{TAG_ADMIN_NAMESPACE}:merge"


def pages_with_sites(pages):
    """(page, site name) for each page."""
    site_names = {
        site.root_page.path: site.site_name for site in Site.objects.select_related("root_page")
    }
    return [(page, site_names.get(page.path[:ROOT_PATH_LENGTH], "")) for page in pages]


class MergeTagsView(WagtailAdminTemplateMixin, FormView):
    """Merge tag A into tag B (needs the delete permission on tags: A disappears).

    Irreversible, so in two steps: the form, then a confirmation listing every page the
    merge changes; only a POST carrying `confirm` merges.
    """

    form_class = MergeTagsForm
    template_name = "seo/admin/merge_tags.html"
    confirm_template_name = "seo/admin/confirm_merge_tags.html"
    page_title = "Merge tags"
    header_icon = "tag"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("treatments.delete_treatmenttag"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(f"{TAG_ADMIN_NAMESPACE}:list"), "label": "Tags"},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        source = self.request.GET.get("source", "")
        return {"source": source} if source.isdigit() else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.get_initial().get("source")
        if source:
            tag = TreatmentTag.objects.filter(pk=source).first()
            context["affected_pages"] = affected_pages(tag) if tag else []
        return context

    def form_valid(self, form):
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        if not self.request.POST.get("confirm"):
            context = self.get_context_data(form=form, source=source, target=target)
            context["affected_pages"] = pages_with_sites(affected_pages(source))
            return self.response_class(
                request=self.request, template=[self.confirm_template_name], context=context
            )
        name = source.name
        page_ids = merge_tags(source, target)
        messages.success(
            self.request, f"Merged “{name}” into “{target.name}”: {len(page_ids)} page(s) retagged."
        )
        return redirect(f"{TAG_ADMIN_NAMESPACE}:list")
