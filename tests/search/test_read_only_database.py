"""A read-only database (a replica, a failover in progress, a disk-full guard) leaves
search answering: only the popular-terms count is lost, never the results page."""

from contextlib import contextmanager

from django.db import connection, transaction
from wagtail.contrib.search_promotions.models import Query

from .conftest import HOSTS, result_titles, search_html


@contextmanager
def read_only_database():
    """Really refuse writes on the test's connection, as a read-only server would.

    PostgreSQL: read-only inside a savepoint, which its rollback undoes. SQLite: query_only.
    """
    savepoint = transaction.savepoint()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION READ ONLY")
        else:
            cursor.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        if connection.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
        transaction.savepoint_rollback(savepoint)


def test_search_answers_when_the_hit_cannot_be_recorded(client, indexed, caplog):
    with read_only_database():
        response = search_html(client, HOSTS["northeast"], "dry needling")
        assert response.status_code == 200
        assert result_titles(response)[0] == "Dry needling"
        assert not Query.objects.exists()
    assert "search hit not recorded" in caplog.text


def test_hits_are_recorded_again_once_the_database_is_writable(client, indexed):
    search_html(client, HOSTS["northeast"], "dry needling")
    assert Query.objects.get(query_string="dry needling").hits == 1
