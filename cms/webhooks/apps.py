from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Tell clinic front ends, in the background, when a page their site shows changes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from . import events

        events.connect()
