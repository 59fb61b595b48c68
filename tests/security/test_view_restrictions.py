"""The one-query view-restriction check used while serving agrees with Wagtail's own."""

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.visibility import view_restrictions_of
from home.models import ClinicPage
from treatments.models import TreatmentPage


def wagtail_rule(page):
    return set(Page.get_view_restrictions(page))


@pytest.mark.parametrize("restricted", ["none", "original", "brand index", "clinic index"])
def test_same_restrictions_as_wagtail_for_pages_and_aliases(library, restricted):
    original = library["dry-needling"]
    northeast = ClinicPage.objects.get(slug="northeast")
    alias = TreatmentPage.objects.descendant_of(northeast).get(alias_of=original)
    target = {
        "original": original,
        "brand index": original.get_parent(),
        "clinic index": alias.get_parent(),
    }.get(restricted)
    if target is not None:
        PageViewRestriction.objects.create(page=target, restriction_type="login")
    for page in (original, alias, alias.get_parent(), northeast):
        page = Page.objects.get(pk=page.pk).specific
        assert set(view_restrictions_of(page)) == wagtail_rule(page), (restricted, page)
    # The alias carries its original's restriction, and only that one of the brand's.
    expected = restricted in ("original", "clinic index")
    assert bool(view_restrictions_of(alias)) is expected


def test_a_private_page_is_still_refused_while_served(client, library):
    PageViewRestriction.objects.create(
        page=library["dry-needling"], restriction_type="password", password="secret"
    )
    brand = client.get("/treatments/dry-needling/", HTTP_HOST="localhost")
    northeast = client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost")
    for response in (brand, northeast):
        assert response.status_code == 200  # Wagtail's password form
        assert b'name="password"' in response.content
        assert "no-cache" in response["Cache-Control"]
