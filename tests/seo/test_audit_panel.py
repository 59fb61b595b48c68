"""SEO staff see the audit's findings by kind on their dashboard, each a link to those findings."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.http import urlencode

from cms.seo import audit
from cms.seo.roles import SEO_STAFF, ensure_seo_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def seo_user(django_user_model, library):
    ensure_seo_roles()
    user = django_user_model.objects.create_user("seo", "seo@example.com", "pw")
    user.groups.add(Group.objects.get(name=SEO_STAFF))
    return user


def _dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_seo_staff_see_the_findings_by_kind(client, seo_user, clinics):
    expected = {}
    for finding in audit.run_audit():
        expected[finding.check] = expected.get(finding.check, 0) + 1
    assert expected.get(audit.IMAGE_WITHOUT_ALT)  # the demo content has findings to show

    client.force_login(seo_user)
    html = _dashboard(client)
    start = html.index('id="seo-audit-summary')
    panel = html[start : html.index("</section>", start)]
    for check, count in expected.items():
        link = f"{reverse('seo_audit')}?{urlencode({'issue': check})}"
        assert f'href="{link}">{check}</a></td><td data-count>{count}</td>' in panel
    assert f"{sum(expected.values())} findings to fix" in panel


def test_fixing_a_finding_changes_the_count(client, seo_user, library):
    from wagtail.images import get_image_model

    images = get_image_model().objects.filter(description="")
    before = images.count()
    assert before >= 2
    image = images.first()
    image.description = "A physiotherapist places a fine needle in the upper back."
    image.save()
    client.force_login(seo_user)
    link = f"{reverse('seo_audit')}?{urlencode({'issue': audit.IMAGE_WITHOUT_ALT})}"
    html = _dashboard(client)
    assert f'href="{link}">{audit.IMAGE_WITHOUT_ALT}</a></td><td data-count>{before - 1}<' in html


def test_others_do_not_pay_for_the_audit(admin_client, client, django_user_model, library):
    assert 'id="seo-audit-summary' not in _dashboard(admin_client)
    user = django_user_model.objects.create_user("plain", "plain@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert 'id="seo-audit-summary' not in _dashboard(client)
