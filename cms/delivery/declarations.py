"""What content declares to the response cache: cms/delivery knows no page type of its own.

A page type, or any model whose objects responses show or whose changes must
refresh them, inherits `DeclaresCacheKeys` and overrides what applies. Every key
comes from `keys.py`. cms/delivery calls these methods and nothing else of the
domain:

- `cache_dependencies(request, allow_queries)`: what a response showing this
  object shows (an HTML page, an API detail or listing item). For a page,
  besides `page:<id>`, which every page gets (page_dependencies.py). A listing
  passes `allow_queries=False`: answer from prefetched rows or with a broader key.
- `api_cache_dependencies(request, allow_queries)`: the same for an API
  response, when it shows the object differently (a clinic's `clinic/` item).
- `invalidation_keys()`: what a change of this object refreshes. For a page
  (published, unpublished, moved, deleted), besides its `page:<id>`, its parent's
  `children:<id>` and the `site:<id>` of each site containing it
  (invalidation.py). Other models are bumped on every save and delete.
- `keys_under(page)` (a classmethod): what a change of who may see `page`'s
  subtree (a view restriction on `page`, any page) refreshes for the pages of
  this type in it.
- `shows_its_subtree = True` (a class attribute): publishing, unpublishing or
  moving a page of this type changes who may see its subtree too (a clinic, a
  clinic's treatments index), so each page type's `keys_under` is asked then.

What every served page shows besides itself (its header and footer) is the
site's, not the page type's: a function registered for the Wagtail hook
`SERVED_PAGE_KEYS_HOOK` gets `(page, request)` and returns its keys
(home/context_processors.py `chrome_dependencies`).

Wagtail's own images and documents, and pages of other types (Wagtail's root),
have the keys of their kind; an API object that is none of these is an error
(api_dependencies.py), not a response cached without its keys.
"""

SERVED_PAGE_KEYS_HOOK = "cache_keys_of_served_page"


class DeclaresCacheKeys:
    shows_its_subtree = False

    def cache_dependencies(self, request, allow_queries=True):
        return set()

    def api_cache_dependencies(self, request, allow_queries=True):
        return self.cache_dependencies(request, allow_queries)

    def invalidation_keys(self):
        return set()

    @classmethod
    def keys_under(cls, page):
        return set()
