"""Walk every site as a crawler would: its sitemap and its links must agree with its pages.

Each URL a sitemap lists answers 200, names itself canonical and is indexable;
every page reachable by links from the site's home that is indexable and
self-canonical is in that site's sitemap (nothing missing, nothing extra).
"""

from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction, Site

from treatments.models import TreatmentPage

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/api/")
MAX_PAGES = 400


def _get(client, url):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc)


def sitemap_urls(client, site):
    response = client.get("/sitemap.xml", HTTP_HOST=site.hostname)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def head_facts(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    link = soup.head.find("link", rel="canonical")
    robots = soup.head.find("meta", attrs={"name": "robots"})
    return soup, (link["href"] if link else None), (robots["content"] if robots else "")


def crawl(client, site):
    """{url: (canonical, robots)} for every HTML page reachable by links from the home."""
    root = site.root_url + "/"
    seen, queue, pages = {root}, [root], {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop()
        response = _get(client, url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        soup, canonical, robots = head_facts(response)
        pages[url] = (canonical, robots)
        for anchor in soup.find_all("a", href=True):
            target = urljoin(url, anchor["href"]).split("#", 1)[0]
            parts = urlsplit(target)
            if parts.netloc != urlsplit(root).netloc or parts.path.startswith(SKIPPED_PREFIXES):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def check_site(client, site):
    listed = sitemap_urls(client, site)
    assert len(listed) == len(set(listed)), f"{site}: a URL is listed twice"
    for url in listed:
        response = _get(client, url)
        assert response.status_code == 200, (url, response.status_code)
        _, canonical, robots = head_facts(response)
        assert canonical == url, f"{url} names {canonical} canonical"
        assert robots.startswith("index"), (url, robots)
    indexable = {
        url
        for url, (canonical, robots) in crawl(client, site).items()
        if canonical == url and robots.startswith("index")
    }
    assert indexable - set(listed) == set(), f"{site}: indexable pages missing from the sitemap"
    return listed, indexable


def test_every_sitemap_of_every_site_lists_exactly_its_indexable_pages(client, library, clinics):
    for site in Site.objects.order_by("hostname"):
        listed, indexable = check_site(client, site)
        assert f"{site.root_url}/" in listed
        assert any("/tags/" in url for url in listed), site
        assert len(indexable) >= 4, site


def test_the_walk_catches_a_page_the_sitemap_should_not_list(client, library, clinics):
    """Hidden pages leave both the sitemap and the crawl; an override elsewhere leaves the sitemap."""
    north = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    original = library["massage-therapy"]
    original.noindex = True
    original.save_revision().publish()
    shockwave = library["shockwave-therapy"]
    shockwave.canonical_url = "https://example.org/shockwave"
    shockwave.save_revision().publish()
    PageViewRestriction.objects.create(page=north, restriction_type="login")
    for site in Site.objects.all():
        listed, _ = check_site(client, site)
        assert not any("massage-therapy" in url or "shockwave" in url for url in listed)
        assert north.get_full_url() not in listed
