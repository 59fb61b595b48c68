"""Read what a crawler reads: head tags and JSON-LD from real responses."""

import json

from bs4 import BeautifulSoup


def head(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser").head


def meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def canonical(soup):
    return soup.find("link", rel="canonical")["href"]


def jsonld_nodes(soup):
    """Every node of every JSON-LD script, keyed by @type (a list per type)."""
    nodes = {}
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        for node in data["@graph"]:
            nodes.setdefault(node["@type"], []).append(node)
    return nodes
