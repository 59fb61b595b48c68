"""Merging and deleting tags without leaving any page, draft or body link behind.

A tag lives in three places on a treatment page: the page's tag rows
(TaggedTreatment: the published state, aliases and converted copies included),
every revision's `tagged_items` (drafts, scheduled and past versions), and the
`tag` of items in the body's conditions blocks (live rows and revisions).
Merging A into B rewrites all three from A to B; deleting A removes it from
all three. Row changes go through the ORM one by one so cache invalidation
and search indexing hear about them. Body rewrites are bulk updates that no
signal reports, and listings (such as the API's tag filter) follow neither
page nor tag keys; so once the change is committed, `_invalidate_responses`
bumps the response-cache keys of every page whose tags or body changed, of
each site it is on, and of the tags (cms/delivery/dependencies.py).
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.index import insert_or_update_object

from treatments.tags import TaggedTreatment


def _retag_conditions(stream, old_id, new_id):
    """Rewrite `tag` in conditions items of raw StreamField data; True when anything changed."""
    changed = False
    for block in stream:
        if block.get("type") != "conditions":
            continue
        for item in block.get("value", {}).get("items", []):
            value = item.get("value", item) if isinstance(item, dict) else item
            if isinstance(value, dict) and value.get("tag") == old_id:
                value["tag"] = new_id
                changed = True
    return changed


def _retag_revision_content(content, old_id, new_id):
    changed = False
    items = content.get("tagged_items") or []
    if any(item.get("tag") == old_id for item in items):
        has_new = new_id is not None and any(item.get("tag") == new_id for item in items)
        kept = []
        for item in items:
            if item.get("tag") == old_id:
                if new_id is None or has_new:
                    continue
                item = {**item, "tag": new_id}
            kept.append(item)
        content["tagged_items"] = kept
        changed = True
    body = content.get("body")
    if body:
        stream = json.loads(body) if isinstance(body, str) else body
        if _retag_conditions(stream, old_id, new_id):
            content["body"] = json.dumps(stream) if isinstance(body, str) else stream
            changed = True
    return changed


def _treatment_model():
    from treatments.models import TreatmentPage

    return TreatmentPage


def _retag_revisions(old_id, new_id):
    """Every treatment revision (drafts and history) moved from old_id to new_id (or cleared)."""
    content_type = ContentType.objects.get_for_model(_treatment_model())
    changed = []
    for revision in (
        Revision.objects.filter(content_type=content_type).only("pk", "content").iterator()
    ):
        if _retag_revision_content(revision.content, old_id, new_id):
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=500)
    return len(changed)


def _retag_bodies(old_id, new_id):
    """Live page rows whose body links the old tag; returns their ids."""
    model = _treatment_model()
    page_ids = []
    for page in model.objects.only("pk", "body").iterator():
        stream = list(page.body.raw_data)
        if _retag_conditions(stream, old_id, new_id):
            model.objects.filter(pk=page.pk).update(body=stream)
            page_ids.append(page.pk)
    return page_ids


def pages_linking_in_body(tag):
    """Treatment pages whose body (live) links the tag from a conditions item."""
    model = _treatment_model()
    return [
        page.pk
        for page in model.objects.only("pk", "body").iterator()
        if any(
            (item.get("value", item) or {}).get("tag") == tag.pk
            for block in page.body.raw_data
            if block.get("type") == "conditions"
            for item in block.get("value", {}).get("items", [])
        )
    ]


def affected_pages(tag):
    """Every page that carries or links the tag, live or in its latest draft, in tree order."""
    model = _treatment_model()
    carrying = set(
        TaggedTreatment.objects.filter(tag=tag).values_list("content_object_id", flat=True)
    )
    drafts = {
        page.pk
        for page in model.objects.filter(has_unpublished_changes=True).select_related(
            "latest_revision"
        )
        if page.latest_revision
        and any(
            item.get("tag") == tag.pk
            for item in page.latest_revision.content.get("tagged_items") or []
        )
    }
    ids = carrying | drafts | set(pages_linking_in_body(tag))
    return Page.objects.filter(pk__in=ids).order_by("path")


def _refresh_indexes(page_ids):
    for page in _treatment_model().objects.filter(pk__in=page_ids):
        insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)


def _invalidate_responses(page_ids, tag_ids):
    """Refresh every cached response that showed the retagged pages or the tags.

    page:<id> for each page whose tags or body changed (its HTML and API detail),
    site:<id> for each site it is on (API listings, including those filtered by
    tag), and tag:, tagged: and tags for the tags. Runs once the change is
    committed, so no response rendered from the old rows is kept under the new
    tokens; `bump` also queues the CDN purge of the URLs that showed these keys.
    """
    from cms.delivery.dependencies import bump
    from cms.delivery.keys import TAGS, page_key, site_keys, tag_key, tagged_key
    from cms.delivery.page_dependencies import site_ids_for_path

    keys = {TAGS}
    for tag_id in tag_ids:
        keys |= {tag_key(tag_id), tagged_key(tag_id)}
    for pk, url_path in Page.objects.filter(pk__in=page_ids).values_list("pk", "url_path"):
        keys.add(page_key(pk))
        keys |= site_keys(site_ids_for_path(url_path))
    bump(*keys)


def _after_commit(page_ids, tag_ids):
    def refresh():
        _refresh_indexes(page_ids)
        _invalidate_responses(page_ids, tag_ids)

    transaction.on_commit(refresh)


def _redirect_landing_pages(old_slug, new_slug):
    """/tags/old/ on every site goes on to /tags/new/ (a site-less redirect covers all sites)."""
    old_path = Redirect.normalise_path(f"/tags/{old_slug}/")
    Redirect.objects.filter(
        old_path=Redirect.normalise_path(f"/tags/{new_slug}/"), site=None
    ).delete()
    Redirect.objects.update_or_create(
        old_path=old_path,
        site=None,
        defaults={"redirect_link": f"/tags/{new_slug}/", "is_permanent": True},
    )


@transaction.atomic
def merge_tags(source, target):
    """Move every use of `source` to `target`, then delete `source`. Returns affected page ids."""
    if source.pk == target.pk:
        raise ValueError("a tag cannot be merged into itself")
    page_ids = set()
    already_tagged = set(
        TaggedTreatment.objects.filter(tag=target).values_list("content_object_id", flat=True)
    )
    for row in TaggedTreatment.objects.filter(tag=source):
        page_ids.add(row.content_object_id)
        if row.content_object_id in already_tagged:
            row.delete()
        else:
            row.tag = target
            row.save(update_fields=["tag"])
    page_ids.update(_retag_bodies(source.pk, target.pk))
    _retag_revisions(source.pk, target.pk)
    if not target.description and source.description:
        target.description = source.description
        target.save(update_fields=["description"])
    old_slug, source_id = source.slug, source.pk
    source.delete()  # pre_delete clears what is left: nothing, once retagged
    _redirect_landing_pages(old_slug, target.slug)
    _after_commit(page_ids, (source_id, target.pk))
    return page_ids


@transaction.atomic
def clear_tag_everywhere(tag):
    """Remove a tag from body links and revisions; run before any deletion (pre_delete).

    The tag rows themselves go with the tag (on_delete=CASCADE). Returns affected page ids.
    """
    page_ids = set(
        TaggedTreatment.objects.filter(tag=tag).values_list("content_object_id", flat=True)
    )
    page_ids.update(_retag_bodies(tag.pk, None))
    _retag_revisions(tag.pk, None)
    _after_commit(page_ids, (tag.pk,))
    return page_ids


def rename_redirect(old_slug, tag):
    """After a slug change, keep the old landing page URL working."""
    if old_slug and old_slug != tag.slug:
        _redirect_landing_pages(old_slug, tag.slug)
