from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.delivery"
    label = "delivery"
    verbose_name = "Content delivery"

    def ready(self):
        from . import invalidation  # noqa: F401  (connects the signal handlers)
