"""The clinic page's form: what would take the clinic's site away is a superuser's.

A clinic's slug is its site's hostname (home/sites.py) and its expiry date
would unpublish the whole site. Both are disabled for a user who may not change
Wagtail's Sites (`wagtailcore.change_site`, which no role has): shown, and
keeping their stored value whatever a crafted POST sends, as Django does for
a disabled field.
"""

from cms.seo.panels import ContentPermissionPageForm

SITE_PERMISSION = "wagtailcore.change_site"
SITE_FIELDS = {
    "slug": "The clinic's web address; only a superuser changes it.",
    "expire_at": "Expiring the clinic page would take its whole site down; only a superuser sets it.",
}


class ClinicPageForm(ContentPermissionPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or self.instance.pk is None or for_user.has_perm(SITE_PERMISSION):
            return
        for name, help_text in SITE_FIELDS.items():
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = help_text
