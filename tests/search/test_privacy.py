"""Only the site's own live, public pages: never drafts, expired, private or other sites' pages."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.admin_forms import edit_page
from treatments.models import TreatmentIndexPage, TreatmentPage

from .conftest import HOSTS, add_treatment, result_titles, search_html


def _found_on(client, query):
    return {site for site, host in HOSTS.items() if result_titles(search_html(client, host, query))}


def _copy(clinic, slug="dry-needling"):
    return TreatmentPage.objects.descendant_of(clinic).get(slug=slug)


def test_a_word_only_in_a_draft_finds_nothing(admin_client, client, indexed):
    original = indexed["dry-needling"]
    response = edit_page(
        admin_client,
        original,
        action=None,  # "Save draft"
        summary="A draft that mentions the narwhal.",
        **{"body-count": "0"},  # the draft also drops the whole body
    )
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.has_unpublished_changes
    client.logout()
    assert _found_on(client, "narwhal") == set()
    # The live text is still what is found, on the original and on every alias.
    assert _found_on(client, "prescribed") == {"brand", "northeast", "downtown"}


def test_a_never_published_page_finds_nothing(client, indexed):
    library = TreatmentIndexPage.objects.get(url_path="/home/treatments/")
    add_treatment(library, "Okapi stretching", "Only a draft: okapi.", publish=False)
    assert _found_on(client, "okapi") == set()


def test_an_expired_page_is_not_found_before_the_scheduler_runs(client, indexed, clinics):
    copy = _copy(clinics["northeast"])
    TreatmentPage.objects.filter(pk=copy.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert copy.live
    assert _found_on(client, "needle") == {"brand", "downtown"}


def test_a_private_page_or_section_is_not_found(client, indexed, clinics):
    PageViewRestriction.objects.create(
        page=_copy(clinics["downtown"]), restriction_type="password", password="x"
    )
    northeast_index = TreatmentIndexPage.objects.child_of(clinics["northeast"]).get()
    PageViewRestriction.objects.create(page=northeast_index, restriction_type="login")
    assert _found_on(client, "needle") == {"brand"}
    assert _found_on(client, "massage") == {"brand", "downtown", "south"}


def test_an_unpublished_clinic_copy_leaves_only_that_clinic(client, indexed, clinics):
    _copy(clinics["downtown"]).unpublish()
    assert _found_on(client, "needle") == {"brand", "northeast"}


def test_sites_do_not_see_each_others_site_pages(client, indexed):
    on_brand = result_titles(search_html(client, HOSTS["brand"], "Northeast"))
    on_northeast = result_titles(search_html(client, HOSTS["northeast"], "Northeast"))
    assert "Bowview Physiotherapy Northeast" not in on_brand
    assert "Bowview Physiotherapy Northeast" in on_northeast
    assert "Bowview Physiotherapy Northeast" not in result_titles(
        search_html(client, HOSTS["south"], "Northeast")
    )


def test_result_links_stay_on_the_requesting_site(client, indexed):
    for site in ("northeast", "downtown"):
        response = search_html(client, HOSTS[site], "needle")
        assert [r.url for r in response.context["results"]] == ["/treatments/dry-needling/"]
        assert response.context["results"][0].page.get_site().hostname == HOSTS[site]
