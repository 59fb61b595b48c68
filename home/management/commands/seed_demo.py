"""Build the demo content. Safe to run again: it creates what is missing and
leaves every existing page exactly as an editor left it."""

from django.core.management.base import BaseCommand

from home.demo.builder import ensure_brand, ensure_clinics


class Command(BaseCommand):
    help = "Create the demo brand site, clinics and treatments (idempotent)."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        ensure_brand(log)
        ensure_clinics(log)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
