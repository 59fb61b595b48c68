"""Publish a change that touches SEO fields only, without the Clinical review workflow.

SEO staff edit a treatment in the ordinary page editor and press "Publish SEO changes"
(`action-publish-seo`). The edit form is bound as Wagtail's edit view binds it; the
change goes live only if every field the user changed is an SEO field (`SEO_FIELDS`)
and the request carries nothing for a field the user may not edit (content fields are
dropped from their form, so such data can only come from a crafted POST). Anything
else is refused and nothing is stored.

What is published is the *live* page with those SEO fields applied, never the latest
draft: an editor's unreviewed content change waiting in a draft stays unpublished. The
draft gets the same SEO change as a new latest revision, so it is neither lost nor
reverted when the Clinical review later publishes it, and a review in progress goes on
(Wagtail cancels it on publish by default; this publish does not). The review stamp
belongs to the live content, which is unchanged, so it stays valid.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log

PUBLISH_SEO_PERMISSION = "seo.publish_seo_changes"
ACTION = "action-publish-seo"
LOG_ACTION = "seo.publish_seo_changes"
# Fields an SEO-only change may touch (everything on the promote tab but the slug).
SEO_FIELDS = ("seo_title", "search_description", "og_image", "tags", "canonical_url", "noindex")
# Form fields that are no part of the page (the editor's own comment notifications).
IGNORED_FIELDS = ("comment_notifications",)
IGNORED_FORMSETS = ("comments",)


class SeoChangeRefused(Exception):
    """The submitted change is not an SEO-only change; the message says why."""


def can_publish_seo_changes(user, page):
    """Whether `user` may publish SEO-only changes of `page` (a live SEO page they may edit)."""
    from .models import SeoMixin

    return (
        user.has_perm(PUBLISH_SEO_PERMISSION)
        and isinstance(page.specific_deferred, SeoMixin)
        and page.live
        and not page.alias_of_id
        and page.permissions_for_user(user).can_edit()
    )


def _posted_fields(data, names):
    """The names among `names` that the POST carries data for (field or its sub-fields)."""
    return sorted(
        name for name in names if any(key == name or key.startswith(f"{name}-") for key in data)
    )


def seo_changes(form, data):
    """The SEO fields `form` (bound, valid) changes; SeoChangeRefused if it changes more."""
    hidden = set(type(form).base_fields) - set(form.fields)
    crafted = _posted_fields(data, hidden)
    if crafted:
        raise SeoChangeRefused(
            "This change touches content you may not edit ("
            + ", ".join(crafted)
            + "); content changes go through Clinical review."
        )
    changed = [name for name in form.changed_data if name not in IGNORED_FIELDS]
    other = [name for name in changed if name not in SEO_FIELDS]
    other += [
        name
        for name, formset in getattr(form, "formsets", {}).items()
        if name not in IGNORED_FORMSETS and formset.has_changed()
    ]
    if other:
        labels = ", ".join(str(form.fields[n].label) if n in form.fields else n for n in other)
        raise SeoChangeRefused(
            f"Only SEO fields can be published this way; this change also touches: {labels}. "
            "Save it as a draft for an editor."
        )
    return [name for name in changed if name in SEO_FIELDS]


def _apply(target, source, fields):
    for name in fields:
        if name == "tags":
            target.tags.set(list(source.tags.all()))
        else:
            setattr(target, name, getattr(source, name))


# Page data that is bookkeeping, not what a draft changes.
_BOOKKEEPING = {
    "pk", "id", "page_ptr", "path", "depth", "numchild", "url_path", "content_type",
    "translation_key", "latest_revision", "live_revision", "has_unpublished_changes",
    "first_published_at", "last_published_at", "latest_revision_created_at", "live",
    "expired", "locked", "locked_at", "locked_by", "draft_title", "wagtail_admin_comments",
}  # fmt: skip


def _content(page):
    """The page's data as a draft would change it (tags as their ids), to compare two versions."""
    data = {k: v for k, v in page.serializable_data().items() if k not in _BOOKKEEPING}
    data["tagged_items"] = sorted(item["tag"] for item in data.get("tagged_items") or [])
    return json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder)


class _KeepWorkflowPublish(PublishPageRevisionAction):
    """Wagtail's publish, except that an in-progress workflow is not cancelled.

    `_current_workflow_states` is the cache Wagtail's own prefetch fills; empty, the
    published object reports no workflow state to cancel.
    """

    def _after_publish(self):
        self.object._current_workflow_states = []
        super()._after_publish()


@transaction.atomic
def publish_seo_changes(page, edited, fields, user):
    """Publish the live `page` with `fields` taken from `edited`; carry them into a draft.

    Returns the published revision. `edited` is the form's unsaved page (the latest
    revision with the user's changes applied).
    """
    live = type(page).objects.select_for_update().get(pk=page.pk)  # the row is the live page
    draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
    _apply(live, edited, fields)
    revision = live.save_revision(user=user, log_action=False)
    _KeepWorkflowPublish(revision, user=user).execute(skip_permission_checks=True)
    if draft is not None:
        _apply(draft, edited, fields)
        # A draft that held nothing but this SEO change (autosave) is now the live page.
        if _content(draft) != _content(live):
            draft.save_revision(user=user, log_action=False, clean=False)
    log(instance=live, action=LOG_ACTION, user=user, revision=revision, data={"fields": fields})
    return revision
