"""Schemathesis against the served document: every public read operation, on the seeded sites.

The Django app runs in-process (WSGI) inside the test's transaction. Valid and
invalid cases are generated from the document (deterministic, bounded per
operation) and half of the time given real values from the seed (ids, hosts, paths, slugs, page types)
so that 200s are exercised as much as 400s and 404s. Any 5xx, undocumented
status, wrong content type or body that breaks its schema fails the test, with
the request to reproduce it.
"""

import time

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.visibility import public_pages
from home.models import ClinicPage
from treatments.tags import TreatmentTag

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Valid inputs (mostly 200/404), then invalid ones (must be 4xx, never 5xx).
EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}
TIME_BUDGET_SECONDS = 120
PRIVATE_OPERATIONS = {"/api/v2/preview/"}  # token-only; tests/delivery/test_preview.py


@pytest.fixture
def wsgi_app(library):
    """The project as WSGI, sharing the test's connection (as Django's test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def seeded_values():
    """Real values per parameter name, so generated cases also reach existing content."""
    sites = list(Site.objects.select_related("root_page"))
    by_site = [(site, page) for site in sites for page in public_pages(site)]
    pages = [page for _, page in by_site]
    paths = {"/" + page.url_path.removeprefix(site.root_page.url_path) for site, page in by_site}
    tags = list(TreatmentTag.objects.all())
    return {
        "site": [site.hostname for site in sites] + [f"{s.hostname}:{s.port}" for s in sites],
        "html_path": sorted(paths),
        "type": sorted({page.specific_class._meta.label for page in pages}),
        "child_of": ["root", *(page.pk for page in pages)],
        "descendant_of": ["root", *(page.pk for page in pages)],
        "slug": sorted({page.slug for page in pages} | {tag.slug for tag in tags}),
        "fields": ["*", "_,title", "*,-body", "title,body", "_"],
    }


def seeded_objects():
    """(site hostname, id) pairs each endpoint's detail shows, so ids meet their site."""
    sites = list(Site.objects.select_related("root_page"))
    visible = [(site.hostname, page) for site in sites for page in public_pages(site)]
    clinics = [(host, page.pk) for host, page in visible if page.specific_class is ClinicPage]
    return {
        "pages": [(host, page.pk) for host, page in visible],
        "clinic": clinics or [("localhost", 1)],
        "tags": [("localhost", pk) for pk in TreatmentTag.objects.values_list("pk", flat=True)],
        "images": [
            ("localhost", pk) for pk in get_image_model().objects.values_list("pk", flat=True)
        ],
        "documents": [("localhost", 1)],
    }


def with_seeded(operation, mode, values, objects):
    """The operation's generated cases, with seeded values in place half of the time."""
    locations = {p.name: p.location for p in operation.iter_parameters()}
    names = [name for name in locations if name in values]
    endpoint = operation.path.split("/")[3]
    detail = "id" in locations and locations["id"] == "path"

    def apply(args):
        case, choices, target = args
        query = dict(case.query or {})
        query.update({name: value for name, value in choices.items() if value is not None})
        if target is not None:
            host, pk = target
            case.path_parameters = {"id": pk}
            if "site" in locations:
                query["site"] = host
        case.query = query
        return case

    choices = st.fixed_dictionaries({n: st.none() | st.sampled_from(values[n]) for n in names})
    targets = st.none() | st.sampled_from(objects[endpoint]) if detail else st.none()
    return st.tuples(operation.as_strategy(generation_mode=mode), choices, targets).map(apply)


def run_operation(operation, strategy, examples, deadline):
    """Schemathesis cases for one operation; the failures found, as text."""
    failures = []

    @settings(
        max_examples=examples,
        derandomize=True,  # the same cases on every run
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def check(case):
        if time.monotonic() > deadline:
            return
        with transaction.atomic():  # a database error must not poison the cases after it
            response = case.call()
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, BaseExceptionGroup) as error:  # a Failure, or a FailureGroup
            failures.append(f"{operation.label}: {error}")

    check()
    return failures


def test_public_read_endpoints_conform_and_never_fail(wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_app)
    values, objects = seeded_values(), seeded_objects()
    deadline = time.monotonic() + TIME_BUDGET_SECONDS
    operations, failures = [], []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in PRIVATE_OPERATIONS:
            continue
        operations.append(operation.label)
        for mode, examples in EXAMPLES.items():
            strategy = with_seeded(operation, mode, values, objects)
            failures += run_operation(operation, strategy, examples, deadline)
    assert len(operations) == 15, operations
    assert time.monotonic() < deadline, "time budget spent before every operation ran"
    assert not failures, "\n\n".join(failures[:10])
