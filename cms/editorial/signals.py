"""Keep roles and review in step with the tree: one "Clinic managers: <clinic>" group
per clinic (created and renamed with the clinic), Clinical review on every
treatments index, and Clinical reviewers' rights on every clinic's treatments
index (created by Offer when a clinic has none)."""

from django.db.models.signals import post_save

from .permissions import CLINIC_DEPTH
from .workflow import assign_clinical_review


def _clinic_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.alias_of_id:
        return
    from .roles import ensure_clinic_manager_group

    ensure_clinic_manager_group(instance)


def _treatment_index_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    assign_clinical_review(instance)


def _clinic_index_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created or instance.alias_of_id or instance.depth != CLINIC_DEPTH + 1:
        return
    from home.models import ClinicPage

    from .roles import grant_clinic_copy_rights

    if ClinicPage.objects.filter(path=instance.path[: CLINIC_DEPTH * instance.steplen]).exists():
        grant_clinic_copy_rights(instance)


def connect():
    from home.models import ClinicPage
    from treatments.models import TreatmentIndexPage

    post_save.connect(_clinic_saved, sender=ClinicPage, dispatch_uid="editorial_clinic_managers")
    post_save.connect(
        _treatment_index_saved,
        sender=TreatmentIndexPage,
        dispatch_uid="editorial_treatment_index_workflow",
    )
    post_save.connect(
        _clinic_index_saved, sender=TreatmentIndexPage, dispatch_uid="editorial_clinic_copy_rights"
    )
