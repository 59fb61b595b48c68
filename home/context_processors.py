"""Template context: the Site serving this request and, on a clinic site, its clinic.

`site_clinic` and `footer_clinics` are lazy: a template that never shows them
costs no query. On a clinic site the routed clinic is reused (no query); the
served page's dependency keys name what the header and footer show
(`chrome_dependencies`: `clinic:<id>` on a clinic site, `clinics` on the brand).
"""

from django.utils.functional import SimpleLazyObject

from cms.delivery.keys import CLINICS, clinic_key

from .serving import served_site


def current_site(request):
    site = served_site(request)

    def clinic():
        from .models import clinic_for_site

        return clinic_for_site(site, request)

    def clinics():
        from cms.visibility import public_pages

        from .models import ClinicPage

        return list(public_pages(None, ClinicPage).order_by("title"))

    return {
        "current_site": site,
        "site_clinic": SimpleLazyObject(clinic),
        "footer_clinics": SimpleLazyObject(clinics),
    }


def chrome_dependencies(page, request):
    """What the header and footer of every served page show, as dependency keys:
    the clinic's facts on a clinic site, the clinic list on the brand site."""
    from .models import clinic_for_site

    clinic = clinic_for_site(served_site(request), request)
    return {clinic_key(clinic.pk)} if clinic is not None else {CLINICS}
