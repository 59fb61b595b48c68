"""The "Publish SEO changes" action of the page editor (see cms/seo/seo_publish.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.action_menu import ActionMenuItem

from .seo_publish import (
    ACTION,
    SeoChangeRefused,
    can_publish_seo_changes,
    publish_seo_changes,
    seo_changes,
)


class PublishSeoMenuItem(ActionMenuItem):
    """Shown to a user who may publish SEO changes but not the page itself."""

    name = ACTION
    label = "Publish SEO changes"
    icon_name = "upload"

    def is_shown(self, context):
        if context["view"] != "edit" or context["locked_for_user"]:
            return False
        if self.get_user_page_permissions_tester(context).can_publish():
            return False  # they have Wagtail's own Publish
        return can_publish_seo_changes(context["request"].user, context["page"])


def publish_seo_from_editor(request, page):
    """`before_edit_page`: handle a POST of "Publish SEO changes"; None lets the editor go on.

    An invalid form is left to the edit view, which shows its errors as usual (and,
    like "Save draft", may keep a valid draft); a valid change is published when it is
    SEO-only, and refused, with nothing stored, otherwise.
    """
    if request.method != "POST" or not request.POST.get(ACTION):
        return None
    if not can_publish_seo_changes(request.user, page):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, "The page is locked; its SEO changes were not published.")
        return redirect(edit_url)
    form_class = page.get_edit_handler().get_form_class()
    # Compared with the live page, not the latest revision: autosave (or "Save draft")
    # may already hold the very SEO change being published.
    live = type(page).objects.get(pk=page.pk)
    form = form_class(
        request.POST,
        request.FILES,
        instance=live,
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    if not form.is_valid():
        return None
    try:
        fields = seo_changes(form, request.POST)
    except SeoChangeRefused as refusal:
        messages.error(request, f"Not published. {refusal}")
        return redirect(edit_url)
    if not fields:
        messages.info(request, f"'{page.title}' has no SEO changes to publish.")
        return redirect(edit_url)
    edited = form.save(commit=False)
    publish_seo_changes(live, edited, fields, request.user)
    names = ", ".join(str(form.fields[name].label).lower() for name in fields)
    messages.success(request, f"SEO changes to '{page.title}' published ({names}).")
    return redirect(edit_url)
