"""One rule for a page's library original, in two forms that must agree: Python for an
instance (no query) and SQL for a queryset (treatments/originals.py)."""

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page

from treatments.models import TreatmentPage
from treatments.originals import copies_of_filter, original_id, original_id_expression


def test_instances_and_querysets_name_the_same_original(library, clinics):
    original = library["dry-needling"]
    local = TreatmentPage.objects.descendant_of(clinics["downtown"]).get(slug="dry-needling")
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)

    rows = Page.objects.annotate(original=original_id_expression()).values_list("pk", "original")
    by_sql = dict(rows)
    by_python = {page.pk: original_id(page) for page in Page.objects.specific()}
    assert by_sql == by_python
    assert by_python[local.pk] == original.pk  # converted: still speaks for the library page
    assert TreatmentPage.objects.get(pk=local.pk).original == original
    assert original.original == original

    copies = set(Page.objects.filter(copies_of_filter([original.pk])).values_list("pk", flat=True))
    assert local.pk in copies and original.pk not in copies
    assert copies == {pk for pk, speaks_for in by_python.items() if speaks_for == original.pk} - {
        original.pk
    }
