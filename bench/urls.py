"""The project's URLs plus two bench-only views (bench settings, loopback only).

`bench/json` is a bare Django JSON view: the ceiling on this machine.
`bench/publish` publishes a new summary of the treatment every clinic carries, in
the process that serves it, so bench/cluster.py can publish "on either instance".
"""

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.urls import urlpatterns as project_urlpatterns


def bare_json(request):
    return JsonResponse({"ok": True, "items": [{"id": 1, "title": "Bare Django"}]})


@csrf_exempt
@require_POST
def publish(request):
    from treatments.models import TreatmentPage

    marker = int(request.POST["marker"])
    page = TreatmentPage.objects.get(slug="treatment-1", alias_of__isnull=True)
    page.summary = f"Summary fault-marker-{marker}."
    page.save_revision().publish()
    return JsonResponse({"published": marker})


urlpatterns = [
    path("bench/json", bare_json),
    path("bench/publish", publish),
    *project_urlpatterns,
]
