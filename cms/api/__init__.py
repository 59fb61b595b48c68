"""Headless API v2: Wagtail's v2 endpoints, scoped to one site and private by default.

The endpoint classes subclass wagtail.api.v2 so stock Wagtail clients keep
working; this package only adds site scoping, privacy, typed treatment fields,
400s for bad input and query-count control. See docs/api.md.
"""
