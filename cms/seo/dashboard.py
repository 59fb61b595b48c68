"""The SEO staff's dashboard panel: how many audit findings of each kind, each a link to them.

Shown to holders of the audit permission who are not superusers: the audit
reads every live page, which a superuser's dashboard should not pay for on
every visit (the report is one click away in Reports).
"""

from collections import Counter

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from .audit import CHECKS, run_audit
from .report import AUDIT_PERMISSION


def audit_summary(findings):
    """[(check, count, report URL filtered to that check)] in CHECKS order, non-zero only."""
    counts = Counter(finding.check for finding in findings)
    report = reverse("seo_audit")
    return [
        (check, counts[check], f"{report}?{urlencode({'issue': check})}")
        for check in CHECKS
        if counts[check]
    ]


class SeoAuditPanel(Component):
    name = "seo_audit_summary"
    template_name = "seo/admin/audit_panel.html"
    order = 100

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {
            "rows": self.rows,
            "total": sum(count for _, count, _ in self.rows),
            "report_url": reverse("seo_audit"),
        }


def seo_panels(user):
    if user.is_superuser or not user.has_perm(AUDIT_PERMISSION):
        return []
    return [SeoAuditPanel(audit_summary(run_audit()))]
