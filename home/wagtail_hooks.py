"""The dependency keys of every served page's header and footer (home/context_processors.py)."""

from wagtail import hooks

from cms.delivery.declarations import SERVED_PAGE_KEYS_HOOK

from .context_processors import chrome_dependencies

hooks.register(SERVED_PAGE_KEYS_HOOK, chrome_dependencies)
