"""Build the demo content. Safe to run again: it creates what is missing and
leaves every existing page exactly as an editor left it. With DEBUG on it also
makes one demo user per editorial role (cms/editorial/demo_users.py)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.editorial.demo_users import ensure_demo_users
from cms.editorial.setup import ensure_editorial
from cms.seo.roles import ensure_seo_roles
from home.demo.builder import ensure_brand, ensure_clinics
from treatments.demo.builder import ensure_clinic_aliases, ensure_library


class Command(BaseCommand):
    help = "Create the demo brand site, clinics and treatments (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        home = ensure_brand(log)
        clinics = ensure_clinics(log)
        library = ensure_library(home, log)
        ensure_clinic_aliases(clinics, library, log)
        ensure_editorial(log)
        ensure_seo_roles()  # after the editorial groups, so they keep editing content
        ensure_demo_users(log)  # one user per role, with DEBUG on only
        if not options["skip_index"]:
            call_command("update_index", stdout=self.stdout, verbosity=0)
            call_command("rebuild_references_index", stdout=self.stdout, verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
