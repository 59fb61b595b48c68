"""OpenAPI 3.1 description of API v2, generated from the code that serves it.

Wagtail 8's API v3 is not mounted (see docs/openapi.md for why); instead the
v2 endpoints are described here: endpoints and fields from the v2 viewsets,
the treatment body from the block definitions. Served at /api/v2/openapi.json.
"""
