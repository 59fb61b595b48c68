"""Panels that only users holding a permission may see and change.

Wagtail removes a FieldPanel's form field for a user without the panel's
`permission`, so a hidden field can be neither shown nor overwritten by a
crafted POST. Groups only hide; their fields must carry the permission.

The page title is the exception: Wagtail needs it on every save (it is
required, and a new page's slug comes from it), so removing it from the form
makes the page editor fail. For a user without the permission the title stays
in the form instead: shown read-only, and keeping its stored value whatever is
posted, when editing a page; editable when creating one, which has no stored
title to protect. `ContentPermissionPageForm` (every `SeoMixin` page's form)
applies this.
"""

from django.core.exceptions import ValidationError
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.blocks import StreamBlockValidationError, StreamValue
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.models.panels import PanelPlaceholder

from cms.visibility import private_image_pks

from .tag_choice import existing_tags, restrict_new_tags

# Fields Wagtail cannot save a page without: kept read-only instead of removed.
KEPT_FIELDS = ("title",)


class ReadOnlyWithoutPermissionMixin:
    """A FieldPanel whose field stays in the form, read-only for an existing page, for a user
    lacking `edit_permission` (see `ContentPermissionPageForm`)."""

    def __init__(self, *args, edit_permission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edit_permission = edit_permission

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "edit_permission": self.edit_permission}

    def get_form_options(self):
        options = super().get_form_options()
        if self.edit_permission:
            options["read_only_field_permissions"] = {self.field_name: self.edit_permission}
        return options

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None and self.bound_field.field.disabled:
                # Wagtail's read-only rendering, as FieldPanel(read_only=True) gives.
                self.read_only = True

        def is_required(self):
            return not self.read_only and super().is_required()


_read_only_classes = {}


def _read_only_without_permission(panel, permission):
    cls = type(panel)
    if cls not in _read_only_classes:
        _read_only_classes[cls] = type(
            f"ReadOnlyWithoutPermission{cls.__name__}",
            (ReadOnlyWithoutPermissionMixin, cls),
            {
                "BoundPanel": type(
                    "BoundPanel", (ReadOnlyWithoutPermissionMixin.BoundPanel, cls.BoundPanel), {}
                )
            },
        )
    return _read_only_classes[cls](**{**panel.clone_kwargs(), "edit_permission": permission})


def require_permission(permission, panels):
    """Copies of `panels` whose every field requires `permission`."""
    guarded = []
    for panel in panels:
        if isinstance(panel, PanelPlaceholder):
            panel = panel.construct()
        if panel is None:
            continue
        if isinstance(panel, FieldPanel) and panel.field_name in KEPT_FIELDS:
            panel = _read_only_without_permission(panel, permission)
        elif isinstance(panel, FieldPanel):
            panel = type(panel)(**{**panel.clone_kwargs(), "permission": permission})
        elif isinstance(panel, PanelGroup):
            kwargs = panel.clone_kwargs()
            kwargs["children"] = require_permission(permission, panel.children)
            panel = type(panel)(**kwargs)
        guarded.append(panel)
    return guarded


class ContentPermissionPageForm(WagtailAdminPageForm):
    """Disables, for a user lacking its permission, each field a panel marked read-only
    without it (`read_only_field_permissions`), when the page already exists.

    A disabled field ignores what is posted and keeps the instance's value, so the
    stored value survives the save; on a new page the field stays editable. Its tags
    field creates no tag for a user without the tag "add" permission (tag_choice.py).
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        restrict_new_tags(self, for_user)  # only tag "add" permission creates tags
        permissions = getattr(self.Meta, "read_only_field_permissions", None) or {}
        if for_user is None or self.instance.pk is None:
            return
        for name, permission in permissions.items():
            if name in self.fields and not for_user.has_perm(permission):
                self.fields[name].disabled = True

    def clean_tags(self):
        return existing_tags(self, "tags", self.cleaned_data.get("tags"))

    def clean(self):
        """No image from a private collection on a page anyone may read.

        Its rendition URLs would be in the public HTML and JSON while the image
        itself is private, so the choice is refused with a form error on the
        field that holds it: an image field, or any image inside a StreamField
        (image blocks, rich text embeds), found by Wagtail's own reference
        extraction. One query for the whole form.
        """
        cleaned = super().clean()
        if view_restrictions_of_form_page(self.instance):
            return cleaned  # a private page may show private images
        image_model = get_image_model()
        chosen = {}
        for name, value in cleaned.items():
            if isinstance(value, image_model):
                chosen[name] = {value.pk}
            elif isinstance(value, StreamValue):
                chosen[name] = {
                    int(pk)
                    for model, pk, _path, _content_path in value.stream_block.extract_references(
                        value
                    )
                    if issubclass(model, image_model) and str(pk).isdigit()
                }
        private = private_image_pks(set().union(*chosen.values())) if chosen else set()
        for name, pks in chosen.items():
            if not pks & private:
                continue
            error = ValidationError(PRIVATE_IMAGE_MESSAGE, code="private_image")
            if isinstance(cleaned[name], StreamValue):
                error = StreamBlockValidationError(non_block_errors=[error])
            self.add_error(name, error)
        return cleaned


PRIVATE_IMAGE_MESSAGE = (
    "This image is in a private collection, so a public page cannot show it: "
    "choose another image, or move this one to a public collection."
)


def view_restrictions_of_form_page(page):
    """The page's own or inherited view restrictions (none for a page not yet saved)."""
    if page.pk is None:
        return False
    return bool(Page.get_view_restrictions(page))
