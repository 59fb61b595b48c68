from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Clinical review workflow, editorial roles, scheduling and review reminders."""

    name = "cms.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from . import emails, signals

        signals.connect()
        emails.connect()
