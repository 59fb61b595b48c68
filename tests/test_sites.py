"""Each Host is served by its own clinic; the brand is the default site."""

import pytest
from wagtail.models import Site

from home.models import ClinicPage


@pytest.mark.parametrize("slug", ["northeast", "downtown", "south"])
def test_each_clinic_host_serves_its_own_home(client, clinics, slug):
    clinic = clinics[slug]
    response = client.get("/", HTTP_HOST=f"{slug}.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert f">{clinic.title}</h1>" in html
    assert clinic.street_address in html
    assert f'href="tel:{clinic.phone}"' in html


def test_clinic_facts_appear_on_no_other_clinic_home(client, clinics):
    for slug, clinic in clinics.items():
        for other_slug in clinics:
            if other_slug == slug:
                continue
            html = client.get("/", HTTP_HOST=f"{other_slug}.localhost").content.decode()
            assert clinic.street_address not in html
            assert clinic.booking_url not in html


def test_brand_home_lists_every_clinic_with_links(client, clinics):
    response = client.get("/", HTTP_HOST="localhost")
    html = response.content.decode()
    assert response.status_code == 200
    for slug, clinic in clinics.items():
        assert f'href="http://{slug}.localhost/"' in html
        assert clinic.title in html
        # The brand lists clinics but does not carry a clinic's booking button.
        assert f'href="{clinic.booking_url}"' not in html


def test_unknown_host_falls_back_to_the_brand_site(client, clinics):
    response = client.get("/", HTTP_HOST="unknown.localhost")
    assert response.status_code == 200
    assert ">Bowview Physiotherapy</h1>" in response.content.decode()


def test_clinic_home_semantics(client, clinics):
    html = client.get("/", HTTP_HOST="south.localhost").content.decode()
    assert '<html lang="en-CA">' in html
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer", "<address>"):
        assert landmark in html
    assert '<th scope="row">Sunday</th>' in html
    # The site's name once: a clinic home's title is the site name itself.
    assert "<title>Bowview Physiotherapy South</title>" in html


def test_creating_and_renaming_a_clinic_keeps_its_site_in_step(clinics):
    clinic = clinics["south"]
    site = Site.objects.get(root_page=clinic)
    assert (site.hostname, site.is_default_site) == ("south.localhost", False)

    clinic.slug = "shawnessy"
    clinic.title = "Bowview Physiotherapy Shawnessy"
    clinic.save_revision().publish()
    site.refresh_from_db()
    assert site.hostname == "shawnessy.localhost"
    assert site.site_name == "Bowview Physiotherapy Shawnessy"
    assert Site.objects.filter(root_page__in=ClinicPage.objects.all()).count() == 3


def test_brand_site_is_the_default(clinics, brand):
    default = Site.objects.get(is_default_site=True)
    assert default.root_page_id == brand.pk
