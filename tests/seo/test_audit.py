"""The SEO audit report: every check on real content, in the admin and as CSV and XLSX."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.seo import audit
from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag


def _csv(admin_client, **filters):
    response = admin_client.get(reverse("seo_audit"), {"export": "csv", **filters})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def _checks(rows, check):
    return [row for row in rows if row["Check"] == check]


def test_demo_content_findings(admin_client, library, clinics):
    rows = _csv(admin_client)
    missing = {row["Page, image or tag"] for row in _checks(rows, audit.MISSING_DESCRIPTION)}
    # The library's intro and every treatment's summary serve as descriptions.
    assert "Treatment library" not in missing and "Dry needling" not in missing
    assert {row["Page, image or tag"] for row in _checks(rows, audit.IMAGE_WITHOUT_ALT)} >= {
        "Hero: Dry needling"
    }
    untagged = {row["Page, image or tag"] for row in _checks(rows, audit.TAG_WITHOUT_DESCRIPTION)}
    assert "back pain" in untagged
    # Aliases are fixed at their original: each finding's edit link opens an editable page.
    alias_ids = set(
        TreatmentPage.objects.filter(alias_of__isnull=False).values_list("pk", flat=True)
    )
    assert not {reverse("wagtailadmin_pages:edit", args=[pk]) for pk in alias_ids} & {
        row["Edit URL"] for row in rows
    }


def test_title_length_duplicates_reviews_and_canonicals(admin_client, library, clinics):
    dry, massage = library["dry-needling"], library["massage-therapy"]
    dry.seo_title = "Dry needling"
    dry.save_revision().publish()
    massage.seo_title = "Massage therapy " + "in Calgary, " * 6
    massage.canonical_url = "http://localhost/treatments/gone/"
    massage.save_revision().publish()
    shockwave = library["shockwave-therapy"]
    shockwave.seo_title = massage.seo_title
    shockwave.save_revision().publish()
    TreatmentPage.objects.filter(pk=library["vestibular-rehabilitation"].pk).update(
        next_review_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    TreatmentTag.objects.filter(slug="back-pain").update(description="Back pain treatments.")

    rows = _csv(admin_client)
    assert "Dry needling" in {r["Page, image or tag"] for r in _checks(rows, audit.TITLE_TOO_SHORT)}
    assert "Massage therapy" in {
        r["Page, image or tag"] for r in _checks(rows, audit.TITLE_TOO_LONG)
    }
    duplicates = _checks(rows, audit.DUPLICATE_TITLE)
    # Where both pages are shown: the brand, Northeast and South; not Downtown.
    assert {r["Site"] for r in duplicates} == {
        "Bowview Physiotherapy",
        "Bowview Physiotherapy Northeast",
        "Bowview Physiotherapy South",
    }
    overdue = _checks(rows, audit.REVIEW_OVERDUE)
    assert [r["Page, image or tag"] for r in overdue] == ["Vestibular rehabilitation"]
    assert "3 days ago" in overdue[0]["Detail"]
    assert "back pain" not in {
        r["Page, image or tag"] for r in _checks(rows, audit.TAG_WITHOUT_DESCRIPTION)
    }
    canonical = _checks(rows, audit.CANONICAL_NOT_LIVE)
    assert [r["Page, image or tag"] for r in canonical] == ["Massage therapy"]
    assert canonical[0]["Edit URL"] == reverse("wagtailadmin_pages:edit", args=[massage.pk])


def test_canonical_to_an_unpublished_page_is_reported_and_external_ones_are_not(library, clinics):
    massage = library["massage-therapy"]
    massage.canonical_url = "http://localhost/treatments/shockwave-therapy/"
    massage.save_revision().publish()
    dry = library["dry-needling"]
    dry.canonical_url = "https://example.org/elsewhere/"
    dry.save_revision().publish()
    assert not [f for f in audit.run_audit() if f.check == audit.CANONICAL_NOT_LIVE]
    library["shockwave-therapy"].unpublish()
    findings = [f for f in audit.run_audit() if f.check == audit.CANONICAL_NOT_LIVE]
    assert [f.subject for f in findings] == ["Massage therapy"]
    assert "unpublished or private" in findings[0].detail


def test_report_page_and_xlsx_export(admin_client, library):
    html = admin_client.get(reverse("seo_audit")).content.decode()
    assert "SEO audit" in html and audit.TAG_WITHOUT_DESCRIPTION in html
    assert "export=xlsx" in html and "export=csv" in html
    response = admin_client.get(reverse("seo_audit"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0] == ("Check", "Site", "Page, image or tag", "Detail", "Edit URL")
    assert len(rows) - 1 == len(audit.run_audit())


def test_a_summary_is_a_description_and_a_page_without_text_is_reported(admin_client, library):
    """No false positive: a treatment without a meta description shows its summary as one."""
    massage = library["massage-therapy"]
    massage.search_description = ""
    massage.save_revision().publish()
    index = massage.get_parent().specific
    index.intro = ""
    index.save_revision().publish()
    missing = {
        row["Page, image or tag"] for row in _checks(_csv(admin_client), audit.MISSING_DESCRIPTION)
    }
    assert "Massage therapy" not in missing
    assert index.title in missing


def test_filters_by_site_and_issue_type_and_the_export_follows_them(admin_client, library):
    rows = _csv(admin_client)
    sites = {row["Site"] for row in rows}
    brand = next(name for name in sites if name and "Northeast" not in name)
    by_site = _csv(admin_client, site=brand)
    assert by_site and {row["Site"] for row in by_site} == {brand}
    assert len(by_site) == sum(1 for row in rows if row["Site"] == brand)

    tags = _csv(admin_client, issue=audit.TAG_WITHOUT_DESCRIPTION)
    assert tags and {row["Check"] for row in tags} == {audit.TAG_WITHOUT_DESCRIPTION}
    no_site = _csv(admin_client, site=audit.NO_SITE, issue=audit.IMAGE_WITHOUT_ALT)
    assert no_site == [row for row in rows if row["Check"] == audit.IMAGE_WITHOUT_ALT]

    html = admin_client.get(reverse("seo_audit"), {"issue": audit.TAG_WITHOUT_DESCRIPTION})
    html = html.content.decode()
    assert 'name="site"' in html and 'name="issue"' in html
    assert audit.TAG_WITHOUT_DESCRIPTION in html and "Hero: Dry needling" not in html
    # A value that is no choice is a form error, not a 500; the rows stay unfiltered.
    assert admin_client.get(reverse("seo_audit"), {"issue": "nonsense"}).status_code == 200
