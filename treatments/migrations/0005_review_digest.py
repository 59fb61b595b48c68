"""Bind every existing review stamp to the content it stands on (treatments/review.py).

Pages stamped before the digest existed (the demo content, reviews signed by
the workflow so far) keep their stamp: the digest of their live content is
stored on the page and on its live and latest revisions, so a draft that
differs from the live content is still not reviewed when published.
"""

from django.db import migrations, models


def bind_existing_stamps(apps, schema_editor):
    from treatments.review import clinical_digest

    TreatmentPage = apps.get_model("treatments", "TreatmentPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    stamped = TreatmentPage.objects.filter(reviewed_on__isnull=False).exclude(reviewer_name="")
    for page in stamped.filter(review_digest="").iterator():
        digest = clinical_digest(page)
        TreatmentPage.objects.filter(pk=page.pk).update(review_digest=digest)
        revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            content = revision.content
            if content.get("reviewed_on") and content.get("reviewer_name"):
                content["review_digest"] = digest
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0004_offer_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="treatmentpage",
            name="review_digest",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="SHA-256 of the clinical content the review approved (clinical_digest).",
                max_length=64,
            ),
        ),
        migrations.RunPython(bind_existing_stamps, migrations.RunPython.noop),
    ]
