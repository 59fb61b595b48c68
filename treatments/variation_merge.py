"""The one place a clinic's variation is merged with the library's content.

`merge(copy, variation)` takes the clinic's copy of a library treatment (an
alias, so its fields are the library's live content) and the clinic's LIVE
variation (the ClinicVariation row; Wagtail keeps drafts in revisions) and
returns what the clinic's page shows. It makes no query: the caller passes
loaded objects (treatments/variation_serving.py decides whether a variation
applies to a request at all).

Rules:

- summary, hero image, SEO title and description: the variation's when set.
- body: the library's blocks in order, each marked `source` "library" or
  "clinic". `hide` drops a library block; `replace` shows the clinic's block in
  its place (keeping the library block's id, the slot it fills);
  `insert_after` adds the clinic's blocks after a library block (a blank id:
  at the start). Operations addressing a block no longer in the library body
  are not applied (drift detection is the next slice of issue 16).
- clinical blocks (CLINICAL_BLOCK_TYPES) are safety-critical: a replacement or
  insert of one is served only when `clinical_approved` is true. No approval
  path for variations exists yet, so serving passes False: the library's block
  shows in place of a clinical replacement, and clinical inserts are left out.
  Hiding a block is served once published.
"""

from dataclasses import dataclass

from wagtail.blocks import StreamValue

from .variations import CLINICAL_BLOCK_TYPES, ServedBodyBlock

LIBRARY, CLINIC = "library", "clinic"
_SERVED_BODY_BLOCK = ServedBodyBlock()
_SERVED_BODY_BLOCK.set_name("body")


@dataclass(frozen=True)
class MergedContent:
    summary: str
    hero_from: object  # the page or variation whose hero image shows (read only when asked)
    seo_title: str
    search_description: str
    body: StreamValue  # renders like the page's body (blocks keep their templates)
    sources: tuple  # the source of each block of `body`, in order
    clinic_parts: tuple  # names of the parts the clinic changed: summary, hero_image, body...

    @property
    def hero_image_id(self):
        return self.hero_from.hero_image_id

    @property
    def hero_image(self):
        return self.hero_from.hero_image

    def body_with_sources(self):
        """[(StreamChild, source)] in order."""
        return list(zip(self.body, self.sources, strict=True))


def _operations(variation):
    replaced, hidden, inserted = {}, set(), {}
    for operation in variation.changes:
        block_id = (operation.value["block_id"] or "").strip()
        if operation.block_type == "replace":
            children = list(operation.value["block"])
            if len(children) == 1:
                replaced.setdefault(block_id, children[0])
        elif operation.block_type == "hide":
            hidden.add(block_id)
        elif operation.block_type == "insert_after":
            inserted.setdefault(block_id, []).extend(operation.value["blocks"])
    return replaced, hidden, inserted


def _served(child, clinical_approved):
    return clinical_approved or child.block_type not in CLINICAL_BLOCK_TYPES


def merge_body(library_body, variation, clinical_approved=False):
    """[(StreamChild, source)]: the library body with the variation's operations applied."""
    replaced, hidden, inserted = _operations(variation)
    merged = []

    def insert(after_id):
        for child in inserted.get(after_id, ()):
            if child is not None and _served(child, clinical_approved):
                merged.append((child, CLINIC))

    insert("")
    for child in library_body:
        if child is None:
            continue
        replacement = replaced.get(child.id)
        if child.id in hidden:
            pass
        elif (
            replacement is not None
            and replacement.block_type == child.block_type
            and _served(replacement, clinical_approved)
        ):
            slot = StreamValue.StreamChild(replacement.block, replacement.value, id=child.id)
            merged.append((slot, CLINIC))
        else:
            merged.append((child, LIBRARY))
        if child.id:
            insert(child.id)
    return merged


def merge(copy, variation, clinical_approved=False):
    """What `copy` shows with `variation` (a live ClinicVariation, or None: the library's)."""
    if variation is None:
        pairs = [(child, LIBRARY) for child in copy.body if child is not None]
        parts = ()
        summary, hero_from = copy.summary, copy
        seo_title, description = copy.seo_title, copy.search_description
    else:
        pairs = merge_body(copy.body, variation, clinical_approved)
        parts = []
        summary = variation.summary.strip() or copy.summary
        if variation.summary.strip():
            parts.append("summary")
        hero_from = variation if variation.hero_image_id else copy
        if variation.hero_image_id:
            parts.append("hero_image")
        seo_title = variation.seo_title.strip() or copy.seo_title
        if variation.seo_title.strip():
            parts.append("seo_title")
        description = variation.search_description.strip() or copy.search_description
        if variation.search_description.strip():
            parts.append("search_description")
        if any(source == CLINIC for _, source in pairs) or len(pairs) != len(copy.body):
            parts.append("body")
        parts = tuple(parts)
    body = StreamValue(_SERVED_BODY_BLOCK, [child for child, _ in pairs])
    return MergedContent(
        summary=summary,
        hero_from=hero_from,
        seo_title=seo_title,
        search_description=description,
        body=body,
        sources=tuple(source for _, source in pairs),
        clinic_parts=parts,
    )
