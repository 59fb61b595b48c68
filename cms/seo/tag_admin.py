"""Admin views for SEO staff's tag work: usage per site, rename, merge, delete with its consequences."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
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


class TagIndexView(IndexView):
    """Tags with their total use and their use on each site; sortable by total."""

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
        return [*super().columns, *per_site]

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


class TagEditView(EditView):
    """Renaming keeps the old landing page URL alive with a redirect to the new one."""

    def save_instance(self):
        old_slug = (
            TreatmentTag.objects.filter(pk=self.object.pk).values_list("slug", flat=True).first()
        )
        instance = super().save_instance()
        rename_redirect(old_slug, instance)
        return instance


class TagDeleteView(DeleteView):
    """The confirmation lists every page that carries or links the tag, live or in a draft."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site_names = {
            site.root_page.path: site.site_name for site in Site.objects.select_related("root_page")
        }
        context["affected_pages"] = [
            (page, site_names.get(page.path[:ROOT_PATH_LENGTH], ""))
            for page in affected_pages(self.object)
        ]
        return context


class MergeTagsForm(forms.Form):
    source = forms.ModelChoiceField(
        TreatmentTag.objects.all(),
        label="Merge this tag",
        help_text="It is deleted after the merge.",
    )
    target = forms.ModelChoiceField(
        TreatmentTag.objects.all(),
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


class MergeTagsView(WagtailAdminTemplateMixin, FormView):
    """Merge tag A into tag B (needs the delete permission on tags: A disappears)."""

    form_class = MergeTagsForm
    template_name = "seo/admin/merge_tags.html"
    page_title = "Merge tags"
    header_icon = "tag"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("treatments.delete_treatmenttag"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
        name = source.name
        page_ids = merge_tags(source, target)
        messages.success(
            self.request, f"Merged “{name}” into “{target.name}”: {len(page_ids)} page(s) retagged."
        )
        return redirect(f"{TAG_ADMIN_NAMESPACE}:list")
