"""The canonical rule: which URL search engines should credit for a page.

1. An editor's canonical override wins.
2. Every other page is canonical to itself on the site serving it. That includes
   a clinic's copy of a library treatment: the copy carries that clinic's
   booking links, name, address and hours (clinic-aware blocks, the footer,
   the `publisher` in its JSON-LD) and its own variations, and local search
   ("dry needling northeast calgary") should be able to land on it. Pointing
   it at the brand's page would ask search engines to drop every clinic copy.
   docs/seo.md gives the reasoning in full.
"""


def canonical_url(page, request=None):
    override = getattr(page, "canonical_url", "")
    if override:
        return override
    return page.get_full_url(request)


def is_self_canonical(page, request=None):
    """Whether the page, as served here, names itself canonical (what sitemaps may list)."""
    return canonical_url(page, request) == page.get_full_url(request)
