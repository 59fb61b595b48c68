"""Create or repair the SEO staff group (run after the treatment library exists)."""

from django.core.management.base import BaseCommand

from cms.seo.roles import ensure_seo_roles


class Command(BaseCommand):
    help = "Create or repair the 'SEO staff' group and give page-editing groups content rights."

    def handle(self, *args, **options):
        group = ensure_seo_roles()
        library = group.page_permissions.values_list("page__url_path", flat=True).first()
        self.stdout.write(f"SEO staff: change on {library or 'no library yet'}")
