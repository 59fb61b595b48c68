from django.apps import AppConfig
from django.db.models.signals import pre_delete


class SeoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms.seo"
    label = "seo"
    verbose_name = "SEO"

    def ready(self):
        from treatments.tags import TreatmentTag

        from .tag_merge import clear_tag_everywhere

        def clear_deleted_tag(sender, instance, **kwargs):
            # Any deletion (admin, bulk action, shell) leaves no draft or body link behind.
            clear_tag_everywhere(instance)

        pre_delete.connect(
            clear_deleted_tag, sender=TreatmentTag, weak=False, dispatch_uid="seo-tag"
        )
