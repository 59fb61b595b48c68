"""Only users who may add tags create new ones from a page's tags field; others choose.

A page's tags field lets anyone type a new tag by default (taggit's free tagging). For
a user without the tag model's "add" permission (SEO staff and superusers have it,
editors not) the field becomes choose-only: the widget completes existing tags only,
and a name that is no existing tag, typed or posted, is a form error rather than a new
tag (Wagtail's own `free_tagging=False` drops such names silently). A name differing
from an existing tag only by case is that tag.
"""

from django.core.exceptions import ValidationError


def _add_permission(tag_model):
    meta = tag_model._meta
    return f"{meta.app_label}.add_{meta.model_name}"


def restrict_new_tags(form, user, name="tags"):
    """Make `form`'s tag field choose-only for `user` unless they may add tags."""
    field = form.fields.get(name)
    tag_model = getattr(field, "tag_model", None)
    if field is None or tag_model is None or user is None:
        return
    if user.has_perm(_add_permission(tag_model)):
        return
    field.widget.free_tagging = False  # autocomplete offers existing tags only
    form.choose_only_tags = {name: tag_model}


def existing_tags(form, name, names):
    """The existing tag names for `names`; ValidationError naming those that do not exist."""
    tag_model = getattr(form, "choose_only_tags", {}).get(name)
    if tag_model is None or not names:
        return names
    known = {}
    for existing in tag_model.objects.values_list("name", flat=True):
        known.setdefault(existing.casefold(), existing)
    missing = [tag for tag in names if tag.casefold() not in known]
    if missing:
        raise ValidationError(
            "Choose existing tags only; SEO staff create new ones. Not a tag yet: "
            + ", ".join(missing)
            + "."
        )
    return list(dict.fromkeys(known[tag.casefold()] for tag in names))
