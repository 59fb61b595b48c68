"""The page editor shows a search-result preview built from what the page serves now
(fallbacks included), with the script and styles that count characters as one types."""

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from cms.seo.meta import description_text
from treatments.models import TreatmentPage


def _preview(admin_client, page):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    return soup, soup.select_one("[data-seo-serp]")


def test_preview_shows_the_title_tag_url_and_description_served(admin_client, library):
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    soup, preview = _preview(admin_client, page)
    assert preview is not None
    assert preview.select_one("[data-seo-serp-title]").get_text() == (
        page.seo_title or f"{page.title} | {page.get_site().site_name}"
    )
    assert preview.select_one(".seo-serp__url").get_text() == page.full_url
    assert preview["data-title-min"] == "30" and preview["data-description-max"] == "160"
    # Fallbacks the script shows when a field is emptied: "title | site", then the summary.
    assert preview["data-fallback-title"] == f"{page.title} | {page.get_site().site_name}"
    assert preview["data-fallback-description"] == description_text(page.summary)
    scripts = [tag["src"] for tag in soup.find_all("script", src=True)]
    assert any(src.endswith("seo/serp-preview.js") for src in scripts)
    assert any(link["href"].endswith("seo/serp-preview.css") for link in soup.find_all("link"))
    assert finders.find("seo/serp-preview.js") and finders.find("seo/serp-preview.css")


def test_preview_without_meta_description_shows_the_fallback(admin_client, library):
    page = TreatmentPage.objects.get(pk=library["massage-therapy"].pk)
    page.search_description = ""
    page.save_revision().publish()
    _, preview = _preview(admin_client, page)
    assert preview.select_one("[data-seo-serp-description]").get_text() == description_text(
        page.summary
    )


def test_the_create_view_shows_the_preview_too(admin_client, library):
    index = library["dry-needling"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "data-seo-serp" in response.content.decode()
