"""Sent after a page change has invalidated the response cache; CDN purge and webhooks listen."""

from django.dispatch import Signal

# kwargs: page (the specific page), keys (the dependency keys bumped)
content_changed = Signal()
