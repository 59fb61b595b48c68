"""seed_demo's demo users: one per role with DEBUG on, none anywhere else."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from cms.editorial.demo_users import DEMO_USERS, demo_password

from ..test_settings import PRODUCTION_ENV, ROOT

pytestmark = pytest.mark.django_db
ROLES = {
    "editor": "Editors",
    "reviewer": "Clinical reviewers",
    "manager-northeast": "Clinic managers: Bowview Physiotherapy Northeast",
    "seo": "SEO staff",
}


def seed():
    call_command("seed_demo", "--skip-index", stdout=StringIO())


def test_with_debug_on_each_role_has_a_demo_user_who_can_sign_in():
    with override_settings(DEBUG=True):
        seed()
        seed()  # idempotent
    User = get_user_model()
    assert set(DEMO_USERS) == set(ROLES)
    for username, group in ROLES.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser and not user.is_staff
        assert user.check_password(demo_password(username))
    assert User.objects.get(username="reviewer").reviewer_profile.credentials
    client = Client()
    client.force_login(User.objects.get(username="manager-northeast"))
    assert client.get("/admin/").status_code == 200


def test_with_debug_off_seed_demo_makes_no_user():
    with override_settings(DEBUG=False):
        seed()
    assert not get_user_model().objects.filter(username__in=list(DEMO_USERS)).exists()


def test_production_settings_refuse_before_touching_the_database():
    """With production settings (DEBUG forced off) and a database nobody can reach, the
    demo users are refused by the settings check alone."""
    code = (
        "import django; django.setup(); "
        "from cms.editorial.demo_users import ensure_demo_users; "
        "print(ensure_demo_users(log=print))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION_ENV, DATABASE_URL="postgres://nobody@127.0.0.1:9/unreachable")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "demo users skipped" in result.stdout
    assert result.stdout.strip().endswith("[]")
