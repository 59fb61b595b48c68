"""`python manage.py restore FOLDER`: bring back a backup made by `manage.py backup`."""

from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and media files from a backup folder into an empty database "
        "and media storage (--replace to overwrite), migrate forward and empty the caches."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="drop what the database holds and overwrite media files of the same name",
        )
        parser.add_argument("--no-media", action="store_true", help="restore the database only")

    def handle(self, folder, replace, no_media, **options):
        try:
            manifest, media = restore_backup(folder, replace=replace, include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=0)
        # Cached responses show the content the restore replaced; nothing of it may be served.
        for cache in caches.all():
            cache.clear()
        self.stdout.write(
            f"Restored the {manifest['engine']} database of {manifest['created_at']} and "
            f"{media} media files; migrated; caches emptied. Purge the CDN if one is in front."
        )
