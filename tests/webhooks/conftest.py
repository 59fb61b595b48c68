"""A local receiver and one webhook endpoint per demo clinic pointing at it."""

import pytest

from .receiver import Receiver


@pytest.fixture
def receiver():
    server = Receiver(secrets={}).start()
    yield server
    server.stop()


@pytest.fixture
def endpoints(library, clinics, receiver):
    """slug -> WebhookEndpoint at http://127.0.0.1:PORT/SLUG, its secret known to the receiver."""
    from cms.webhooks.models import WebhookEndpoint

    created = {}
    for slug, clinic in clinics.items():
        endpoint = WebhookEndpoint.objects.create(clinic=clinic, url=receiver.url(f"/{slug}"))
        receiver.secrets[f"/{slug}"] = endpoint.secret
        created[slug] = endpoint
    return created


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest content and run what waits for the commit (the deliveries)."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return run


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Context manager: run the on-commit callbacks of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
