"""`python manage.py openapi_document [--output FILE]`: the OpenAPI document, without a server.

The same bytes' content as GET /api/v2/openapi.json (cms/openapi), pretty-printed with
sorted keys so that the TypeScript client generated from it (clients/typescript) diffs
cleanly. Needs no database: the document is built from the code and the settings.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from cms.openapi.document import build_document


class Command(BaseCommand):
    help = "Write the OpenAPI 3.1 document of API v2 to stdout, or to --output FILE."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="a file to write instead of stdout")

    def handle(self, output, **options):
        text = json.dumps(build_document(), indent=2, sort_keys=True) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
