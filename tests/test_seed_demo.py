"""seed_demo is safe to run again and never overwrites an editor's change."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import ClinicPage


def _counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "revisions": Revision.objects.count(),
        "clinics": ClinicPage.objects.count(),
    }


def test_seed_twice_gives_identical_counts(db):
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    assert first["clinics"] >= 3


def test_seed_keeps_an_editors_change(db):
    call_command("seed_demo", stdout=StringIO())
    clinic = ClinicPage.objects.get(slug="downtown")
    clinic.phone = "+14035550199"
    clinic.save_revision().publish()

    call_command("seed_demo", stdout=StringIO())
    clinic.refresh_from_db()
    assert str(clinic.phone) == "+14035550199"


def test_clinic_copies_carry_their_originals_publication_date(db):
    """API clients sort and show `first_published_at`; a seeded alias must not have none."""
    from treatments.models import TreatmentPage

    call_command("seed_demo", stdout=StringIO())
    aliases = TreatmentPage.objects.filter(alias_of__isnull=False).select_related("alias_of")
    assert aliases.exists()
    for alias in aliases:
        assert alias.first_published_at is not None, alias.url_path
        assert alias.first_published_at == alias.alias_of.first_published_at
