"""SEARCH_URL switches the search backend to OpenSearch/Elasticsearch; unset, the database."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_BACKENDS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
)


def _backends(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", PRINT_BACKENDS],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_database_backend_is_the_default():
    assert _backends() == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_search_url_selects_an_opensearch_cluster():
    backends = _backends(
        SEARCH_URL="https://search-1.internal:9200, https://search-2.internal:9200",
        SEARCH_INDEX_PREFIX="bowview_",
    )
    assert backends == {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["https://search-1.internal:9200", "https://search-2.internal:9200"],
            "INDEX_PREFIX": "bowview_",
            "TIMEOUT": 5,
        }
    }


def test_search_backend_picks_elasticsearch_instead():
    backends = _backends(
        SEARCH_URL="http://localhost:9200", SEARCH_BACKEND="wagtail.search.backends.elasticsearch9"
    )
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"
