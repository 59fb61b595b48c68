"""Each site's sitemap lists exactly its live public pages and tag pages; robots.txt points to it."""

import datetime
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.visibility import public_pages
from treatments.models import TreatmentPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _sitemap(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("s:loc", NS).text: getattr(url.find("s:lastmod", NS), "text", None)
        for url in root.findall("s:url", NS)
    }


def _expected_pages(site):
    return {page.get_full_url() for page in public_pages(site)}


def test_each_site_lists_exactly_its_pages_and_tag_pages(client, library, clinics):
    from wagtail.models import Site

    for site in Site.objects.all():
        host = site.hostname
        urls = _sitemap(client, host)
        root = site.root_url
        pages = {url for url in urls if "/tags/" not in url}
        tags = {url for url in urls if "/tags/" in url}
        assert pages == _expected_pages(site)
        assert all(url.startswith(root + "/") for url in urls)
        carried = {
            tag.slug
            for page in TreatmentPage.objects.live().descendant_of(site.root_page)
            for tag in page.tags.all()
        }
        assert tags == {f"{root}/tags/{slug}/" for slug in carried}
        assert all(urls.values()), "every entry has a lastmod"
    south = _sitemap(client, "south.localhost")
    assert "http://south.localhost/treatments/dry-needling/" not in south  # not offered there
    assert "http://south.localhost/treatments/massage-therapy/" in south  # its alias


def test_drafts_private_expired_and_noindex_pages_are_left_out(client, library, clinics):
    south = clinics["south"]
    massage = TreatmentPage.objects.descendant_of(south).get(slug="massage-therapy")
    massage.unpublish()
    shockwave = library["shockwave-therapy"]
    shockwave.noindex = True
    shockwave.save_revision().publish()
    vestibular = TreatmentPage.objects.descendant_of(south).get(slug="vestibular-rehabilitation")
    PageViewRestriction.objects.create(page=vestibular, restriction_type="login")
    dry = library["dry-needling"]
    TreatmentPage.objects.filter(pk=dry.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    south_urls = _sitemap(client, "south.localhost")
    assert "http://south.localhost/treatments/massage-therapy/" not in south_urls
    assert "http://south.localhost/treatments/vestibular-rehabilitation/" not in south_urls
    assert "http://south.localhost/treatments/shockwave-therapy/" not in south_urls  # alias follows
    assert "http://south.localhost/tags/vertigo/" not in south_urls  # only on the private page
    brand_urls = _sitemap(client, "localhost")
    assert "http://localhost/treatments/dry-needling/" not in brand_urls
    assert "http://localhost/treatments/massage-therapy/" in brand_urls


def test_lastmod_follows_publishing(client, library):
    page = library["massage-therapy"]
    page.save_revision().publish()
    page.refresh_from_db()
    urls = _sitemap(client, "localhost")
    assert (
        urls["http://localhost/treatments/massage-therapy/"]
        == timezone.localdate(page.last_published_at).isoformat()
    )


def test_sitemap_queries_do_not_grow_with_pages(client, library, clinics):
    from cms.delivery import epoch

    epoch.forget()  # both renders read the cache epoch once, whatever the clock says
    with CaptureQueriesContext(connection) as before:
        _sitemap(client, "northeast.localhost")
    index = library["dry-needling"].get_parent()
    for i in range(5):
        extra = TreatmentPage(
            title=f"Extra {i}", slug=f"extra-{i}", summary="More.", reviewer_name=""
        )
        index.add_child(instance=extra)
        extra.tags.add("back pain", f"extra tag {i}")
        extra.save_revision().publish()
        extra.create_alias(
            parent=clinics["northeast"].get_children().get(slug="treatments"),
            update_slug=f"extra-{i}",
        )
    epoch.forget()
    with CaptureQueriesContext(connection) as after:
        urls = _sitemap(client, "northeast.localhost")
    assert "http://northeast.localhost/treatments/extra-4/" in urls
    assert "http://northeast.localhost/tags/extra-tag-4/" in urls
    assert len(after) == len(before), [q["sql"] for q in after]


def test_robots_txt_points_to_the_sites_sitemap(client, clinics):
    for host in ("localhost", "northeast.localhost", "south.localhost"):
        response = client.get("/robots.txt", HTTP_HOST=host)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines and "Disallow: /admin/" in lines
        assert f"Sitemap: http://{host}/sitemap.xml" in lines
