"""Queries per request for each benchmark URL: cold (nothing cached) and cached (second request).

python -m bench.queries '{"label": "/path", ...}' HOST
"""

import json
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ["CACHE_BACKEND"] = "locmem"
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls, host = json.loads(sys.argv[1]), sys.argv[2]
    client = Client()
    result = {}
    for label, path in urls.items():
        for cache in caches.all():
            cache.clear()
        client.get(path, HTTP_HOST=host)  # generate renditions once; then measure from cold caches
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(path, HTTP_HOST=host)
        with CaptureQueriesContext(connection) as cached:
            client.get(path, HTTP_HOST=host)
        result[label] = {"status": response.status_code, "cold": len(cold), "cached": len(cached)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
