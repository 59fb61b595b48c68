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
