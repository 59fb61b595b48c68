"""The canonical rule: which URL search engines should credit for a page.

1. An editor's canonical override wins.
2. A clinic's alias (an unconverted copy of a library treatment) points to the
   library original on the brand site, so one URL collects the credit for
   content that is the same everywhere.
3. Every other page, including an alias a clinic has converted into a local
   page, points to itself on its own site.
"""


def canonical_url(page, request=None):
    override = getattr(page, "canonical_url", "")
    if override:
        return override
    if page.alias_of_id:
        original = page.alias_of  # select_related by the treatment routing
        if original.live:
            return original.get_full_url(request)
    return page.get_full_url(request)
