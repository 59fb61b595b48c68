"""Rich text page links resolved for the site serving them (see home/links.py), and the
dependency keys of every served page's header and footer."""

from wagtail import hooks

from cms.delivery.declarations import SERVED_PAGE_KEYS_HOOK

from .context_processors import chrome_dependencies
from .links import prime_links, register_features


# After Wagtail's own page link handlers are registered (order 0), so these replace them.
@hooks.register("register_rich_text_features", order=10)
def register_clinic_page_links(features):
    register_features(features)


@hooks.register("before_serve_page")
def prime_served_page_links(page, request, serve_args, serve_kwargs):
    """Note the served page's link targets: all its links then resolve in one query."""
    prime_links(request, [page])


hooks.register(SERVED_PAGE_KEYS_HOOK, chrome_dependencies)
