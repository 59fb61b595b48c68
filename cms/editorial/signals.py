"""Keep one "Clinic managers: <clinic>" group per clinic as clinics are created and renamed."""

from django.db.models.signals import post_save


def _clinic_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.alias_of_id:
        return
    from .roles import ensure_clinic_manager_group

    ensure_clinic_manager_group(instance)


def connect():
    from home.models import ClinicPage

    post_save.connect(_clinic_saved, sender=ClinicPage, dispatch_uid="editorial_clinic_managers")
