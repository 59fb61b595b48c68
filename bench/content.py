"""Build benchmark content of a given size into the database named by DATABASE_URL.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=sqlite:////tmp/b.sqlite3 \\
        python -m bench.content --clinics 3 --treatments 10 --blocks 10

Clinics beyond the three demo ones get generated facts; treatments repeat the
dry needling page's blocks until they have the requested number; every clinic
carries up to OFFERED_PER_CLINIC treatments as aliases. Prints a JSON summary
with the ids and paths the benchmark requests.
"""

import argparse
import json
import os
import sys
import time

OFFERED_PER_CLINIC = 20


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    import django

    django.setup()


def build(n_clinics, n_treatments, n_blocks):
    from django.core.management import call_command

    from home.demo import clinics as demo_clinics
    from home.demo.builder import ensure_brand, ensure_clinics
    from home.models import ClinicPage, OpeningHours
    from treatments.demo import dry_needling
    from treatments.demo.builder import _index, _linked_tag_names, _resolve_tag_links, ensure_tags
    from treatments.models import TreatmentPage

    call_command("migrate", verbosity=0)
    home = ensure_brand(log=lambda m: None)
    clinics = list(ensure_clinics(log=lambda m: None).values())
    root = home.get_parent()
    for n in range(len(clinics), n_clinics):
        slug = f"clinic-{n + 1}"
        clinic = ClinicPage.objects.filter(slug=slug).first()
        if clinic is None:
            facts = {
                **demo_clinics.CLINICS[n % 3],
                "title": f"Bowview Physiotherapy {n + 1}",
                "slug": slug,
            }
            facts.pop("hours")
            clinic = ClinicPage(**facts)
            clinic.hours = [OpeningHours(day=d, opens="08:00", closes="18:00") for d in range(5)]
            root.add_child(instance=clinic)
            clinic.save_revision().publish()
        clinics.append(clinic)
    clinics = clinics[:n_clinics]

    library = _index(home, "Treatment library", "")
    template = _resolve_tag_links(
        dry_needling.BODY, ensure_tags(_linked_tag_names(dry_needling.BODY))
    )
    tags = list(ensure_tags(dry_needling.TAGS).values())
    treatments = []
    for t in range(n_treatments):
        slug = f"treatment-{t + 1}"
        page = TreatmentPage.objects.child_of(library).filter(slug=slug).first()
        if page is None:
            body = [dict(template[i % len(template)]) for i in range(n_blocks)]
            page = TreatmentPage(
                title=f"Treatment {t + 1}",
                slug=slug,
                summary=f"Benchmark treatment {t + 1}.",
                body=body,
            )
            page.tags.set(tags[: 3 + t % 5])
            library.add_child(instance=page)
            page.save_revision().publish()
        treatments.append(page)

    for c, clinic in enumerate(clinics):
        index = _index(clinic, "Treatments", "")
        offered = [
            treatments[(c + k) % len(treatments)]
            for k in range(min(OFFERED_PER_CLINIC, len(treatments)))
        ]
        offered = list({p.pk: p for p in [treatments[0], *offered]}.values())
        have = set(TreatmentPage.objects.child_of(index).values_list("alias_of_id", flat=True))
        for original in offered:
            if original.pk not in have:
                original.create_alias(parent=index)

    clinic = clinics[0]
    alias = TreatmentPage.objects.descendant_of(clinic).get(alias_of=treatments[0])
    return {
        "clinics": len(clinics),
        "treatments": len(treatments),
        "blocks": n_blocks,
        "host": clinic.get_site().hostname,
        "detail_id": alias.pk,
        "stock_detail_id": alias.pk,
        "path": "/treatments/treatment-1/",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clinics", type=int, default=3)
    parser.add_argument("--treatments", type=int, default=10)
    parser.add_argument("--blocks", type=int, default=10)
    args = parser.parse_args(argv)
    _setup()
    started = time.monotonic()
    summary = build(args.clinics, args.treatments, args.blocks)
    summary["build_seconds"] = round(time.monotonic() - started, 1)
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
