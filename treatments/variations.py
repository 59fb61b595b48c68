"""A clinic's variation of its copy of a library treatment (issue 16, first slice).

One `ClinicVariation` per clinic copy (an alias under a ClinicPage), built on
Wagtail's own machinery: drafts and publishing (DraftStateMixin), revisions,
history and comparison (RevisionMixin), locking and workflows. The row holds
the live content (Wagtail keeps drafts in revisions), so serving reads the row
only when it is `live` (treatments/variation_serving.py) and merges it with the
library's live content in one place (treatments/variation_merge.py).

The copy stays an alias: every later library publish keeps flowing into it.
A variation changes chosen parts: the summary, hero image, SEO title and
description, and the body through `changes`, operations addressed by the
library block's stable id.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from cms.delivery.declarations import DeclaresCacheKeys
from cms.delivery.keys import page_key

from .blocks import TreatmentBodyBlock
from .blocks.local import PriceCoverageBlock

# Safety-critical block types: a variation's replacement or insert of one of these is
# not served until Clinical review of variations exists (treatments/variation_merge.py).
CLINICAL_BLOCK_TYPES = frozenset({"safety", "evidence", "steps", "conditions", "comparison", "faq"})


class ServedBodyBlock(TreatmentBodyBlock):
    """What a treatment's body may show: the library's blocks plus a clinic's local ones.

    The blocks of a variation's replacements and inserts, and the API's body schema."""

    price = PriceCoverageBlock()

    class Meta:
        block_counts = {}


BLOCK_ID_HELP = "The id of a block of the library page's body."


class ReplaceOperation(blocks.StructBlock):
    block_id = blocks.CharBlock(max_length=64, help_text=BLOCK_ID_HELP)
    block = ServedBodyBlock(
        min_num=1,
        max_num=1,
        help_text="Exactly one block, of the same type as the one it replaces.",
    )

    class Meta:
        icon = "repeat"
        label = "Replace a library block"


class HideOperation(blocks.StructBlock):
    block_id = blocks.CharBlock(max_length=64, help_text=BLOCK_ID_HELP)

    class Meta:
        icon = "view"
        label = "Hide a library block"


class InsertAfterOperation(blocks.StructBlock):
    block_id = blocks.CharBlock(
        max_length=64,
        required=False,
        help_text=f"{BLOCK_ID_HELP} Leave blank to insert at the start.",
    )
    blocks = ServedBodyBlock(min_num=1, help_text="One or more local blocks.")

    class Meta:
        icon = "plus"
        label = "Insert local blocks after a library block"


class VariationChangesBlock(blocks.StreamBlock):
    replace = ReplaceOperation()
    hide = HideOperation()
    insert_after = InsertAfterOperation()


def operation_errors(changes, library_body):
    """Messages for the operations that do not fit `library_body` (a StreamValue); no query."""
    library_types = {child.id: child.block_type for child in library_body if child.id}
    errors, seen = [], set()
    for position, operation in enumerate(changes, start=1):
        block_id = (operation.value["block_id"] or "").strip()
        if operation.block_type == "insert_after" and not block_id:
            key = ("insert_after", "")
        else:
            key = (operation.block_type == "insert_after", block_id)
            if block_id not in library_types:
                errors.append(
                    f"Change {position}: no block with id {block_id!r} in the library page's body."
                )
                continue
        if key in seen:
            errors.append(f"Change {position}: another change already addresses {block_id!r}.")
        seen.add(key)
        if operation.block_type == "replace":
            replacement = list(operation.value["block"])
            if len(replacement) != 1:
                errors.append(f"Change {position}: a replacement is exactly one block.")
            elif replacement[0].block_type != library_types[block_id]:
                errors.append(
                    f"Change {position}: block {block_id!r} is a {library_types[block_id]} "
                    f"block; its replacement must be one too, not {replacement[0].block_type}."
                )
    # A block is either replaced or hidden, not both.
    replaced_or_hidden = [
        (op.value["block_id"] or "").strip() for op in changes if op.block_type != "insert_after"
    ]
    for block_id in {b for b in replaced_or_hidden if replaced_or_hidden.count(b) > 1}:
        errors.append(f"Block {block_id!r} is addressed by more than one replace or hide.")
    return list(dict.fromkeys(errors))


class ClinicVariation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    DeclaresCacheKeys,
    models.Model,
):
    """What one clinic changes in its copy of a library treatment."""

    page = models.OneToOneField(
        "treatments.TreatmentPage",
        on_delete=models.CASCADE,
        related_name="clinic_variation",
        limit_choices_to={"alias_of__isnull": False},
        help_text="The clinic's copy of the library treatment.",
    )
    summary = models.TextField(
        max_length=300, blank=True, help_text="Replaces the library's summary when set."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Replaces the library's hero image when set.",
    )
    seo_title = models.CharField(
        "title tag", max_length=255, blank=True, help_text="Replaces the library's when set."
    )
    search_description = models.TextField(
        "meta description", blank=True, help_text="Replaces the library's when set."
    )
    changes = StreamField(
        VariationChangesBlock(),
        blank=True,
        help_text="Replace, hide or insert blocks of the library body. Replacing or adding a "
        "safety, evidence, steps, conditions, comparison or FAQ block is not shown until "
        "clinical review of variations is available; the library's block shows instead.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="clinic_variation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="clinic_variation",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("page"),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("hero_image"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading="Replacements",
        ),
        FieldPanel("changes"),
    ]

    class Meta:
        verbose_name = "clinic variation"

    def __str__(self):
        return f"Variation of {self.page}" if self.page_id else "Clinic variation"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if not self.page_id:
            return
        page = self.page
        if not page.alias_of_id:
            raise ValidationError({"page": "Choose a clinic's copy of a library treatment."})
        errors = operation_errors(self.changes, page.body)
        if errors:
            raise ValidationError({"changes": errors})

    # The response cache (cms/delivery/declarations.py): saving the row (publishing,
    # unpublishing, deleting) refreshes the clinic's copy, and nothing else.
    def invalidation_keys(self):
        return {page_key(self.page_id)}
