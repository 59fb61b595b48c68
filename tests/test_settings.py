"""Production settings pass Django's deployment checks with the documented environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-entropy-0123456789",
    "ALLOWED_HOSTS": ".bowview-physio.example",
    "CSRF_TRUSTED_ORIGINS": "https://*.bowview-physio.example",
    "BASE_DOMAIN": "bowview-physio.example",
}


def _manage(*args, extra_env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright in this process;
    # a deployment never has it (check --deploy rejects it), so neither does this child.
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("hosts", ["*", ".bowview-physio.example,*"])
def test_check_deploy_fails_on_a_wildcard_allowed_host(hosts):
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": hosts}
    result = _manage("check", "--deploy", extra_env=env)
    assert result.returncode != 0
    assert "cms.E001" in result.stderr and "ALLOWED_HOSTS contains '*'" in result.stderr
    # Plain `check` (every manage.py command) still runs: it is a deployment check.
    assert _manage("check", extra_env=env).returncode == 0


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_env(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = _manage("check", extra_env=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def _dev_setting(name, **env):
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_dev_admin_links_follow_the_port():
    # `make run PORT=8123` passes SITE_PORT=8123: emails must not link to :8000.
    env = {"WAGTAILADMIN_BASE_URL": ""}
    assert _dev_setting("WAGTAILADMIN_BASE_URL", SITE_PORT="8123", **env) == (
        "http://localhost:8123"
    )
    assert _dev_setting("WAGTAILADMIN_BASE_URL", SITE_PORT="8000", **env) == (
        "http://localhost:8000"
    )
    assert (
        _dev_setting(
            "WAGTAILADMIN_BASE_URL", SITE_PORT="8123", WAGTAILADMIN_BASE_URL="https://cms.example"
        )
        == "https://cms.example"
    )
