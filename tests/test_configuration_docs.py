"""docs/configuration.md lists every environment variable the settings and gunicorn read,
and nothing they do not read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "cms" / "settings").glob("*.py")), ROOT / "gunicorn.conf.py"]
DOC = ROOT / "docs" / "configuration.md"

READS = re.compile(
    r"""(?:\b_?env(?:_int|_bool|_list|_networks)?\(|os\.environ\.get\(|os\.environ\[|os\.getenv\()"""
    r"""\s*["']([A-Z][A-Z0-9_]*)["']"""
)
# Read outside these files, yet documented there: by manage.py/cms/wsgi.py
# (DJANGO_SETTINGS_MODULE), dj-database-url (DATABASE_URL) and boto3 (credentials).
READ_ELSEWHERE = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
}


def variables_read():
    found = set()
    for path in SOURCES:
        found |= set(READS.findall(path.read_text()))
    return found


def variables_documented():
    """Names in the first column of the tables under "Environment variables"."""
    text = DOC.read_text()
    section = text.split("## Environment variables", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def test_the_pattern_finds_the_ways_settings_read_the_environment():
    found = variables_read()
    # One of each: env_int, env_bool, env_list, os.environ.get, os.environ[...], gunicorn's.
    assert {
        "CONN_MAX_AGE",
        "RESPONSE_CACHE_ENABLED",
        "CSP_FRAME_SOURCES",
        "REDIS_URL",
        "FRONTEND_CACHE_HTTP_URL",
        "GUNICORN_WORKERS",
    } <= found
    assert len(found) > 60


def test_every_variable_read_is_documented():
    missing = variables_read() - variables_documented()
    assert not missing, f"read but not in docs/configuration.md: {sorted(missing)}"


def test_every_variable_documented_is_read():
    extra = variables_documented() - variables_read() - READ_ELSEWHERE
    assert not extra, f"documented but read nowhere: {sorted(extra)}"
