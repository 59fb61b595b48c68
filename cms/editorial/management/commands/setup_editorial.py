from django.core.management.base import BaseCommand

from cms.editorial.setup import ensure_editorial


class Command(BaseCommand):
    help = "Create the editorial groups and the Clinical review workflow (idempotent)."

    def handle(self, *args, **options):
        ensure_editorial(log=lambda message: self.stdout.write(f"  {message}"))
