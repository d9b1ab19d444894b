"""The data version: every way of writing the data changes it, once the write commits; a
transaction rolled back leaves it; reading it is one query, at most once per request."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction

from planwatch.services.project_progress import store_loaded
from planwatch.web.dataversion import data_version
from planwatch.web.plan.models import DataVersion, ObservationRecord
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import Department, ProgressRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.usefixtures("demo", "departments")


@pytest.fixture
def departments(db) -> None:
    """Two departments, wherever the test runs (the page tests' session data has the first)."""
    for name in ("区统计局", "区待撤销局"):
        Department.objects.get_or_create(name=name)


@contextmanager
def one_request() -> Iterator[None]:
    """What a server does around a request (as Django's test client: the connection stays)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        request_started.send(sender=WSGIHandler)
        yield
    finally:
        request_finished.send(sender=WSGIHandler)
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def _save() -> None:
    department = Department.objects.get(name__startswith="区统计局")
    department.name += "（新）"
    department.save()  # in place: no history for departments


def _raw() -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE projects_department SET name = name || '·' WHERE id > 0")


WRITES: dict[str, Callable[[], object]] = {
    "ORM save": _save,
    "ORM delete": lambda: Department.objects.filter(name="区待撤销局").delete(),
    "bulk_create": lambda: Department.objects.bulk_create([Department(name="区测试局")]),
    "QuerySet.update": lambda: ObservationRecord.objects.update(note="修订"),
    "QuerySet.delete": lambda: ObservationRecord.objects.filter(period="2024").delete(),
    "raw SQL": _raw,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_each_way_of_writing_the_data_changes_the_version(transactional_db, write) -> None:
    before = data_version()
    write()
    after = data_version()
    assert after != before
    assert data_version() == after  # reading changes nothing


def test_a_transaction_counts_the_version_up_once_when_it_commits(transactional_db) -> None:
    before = data_version()
    with transaction.atomic():
        writes = DataVersion.objects.get().writes
        for write in WRITES.values():
            write()
        assert DataVersion.objects.get().writes == writes  # not before the commit
        assert data_version() != before  # the transaction's own, meanwhile
    assert DataVersion.objects.get().writes == writes + 1
    assert data_version() != before


def test_a_transaction_rolled_back_leaves_the_version_as_it_was(transactional_db) -> None:
    before = data_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        _save()
        assert data_version() != before  # the transaction sees its own write
        raise RuntimeError
    assert data_version() == before


def test_a_savepoint_rolled_back_takes_its_writes_out_of_the_version(db) -> None:
    _raw()  # the transaction (the test's) wrote before the savepoint
    before = data_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        _save()
        raise RuntimeError
    assert data_version() == before
    _save()
    assert data_version() != before


def test_progress_stored_in_bulk_changes_the_version(db) -> None:
    """On PostgreSQL the reports go in by COPY, which passes by the cursor's wrapper."""
    load_year(DEMO_DATASET, 2025)
    record = ProgressRecord.objects.select_related("project__region").first()
    assert record is not None
    revised = replace(record.to_domain(record.project.code), completed=Decimal("12345.67"))
    before = data_version()
    store_loaded([revised], record.project.region, submitted_by="dataset:test")
    record.refresh_from_db()
    assert record.completed == Decimal("12345.67")
    assert data_version() != before


def test_reading_the_version_is_one_query_and_once_per_request(
    db, django_assert_num_queries
) -> None:
    with django_assert_num_queries(1):
        data_version()
    with one_request(), django_assert_num_queries(1):
        first = data_version()
        assert data_version() == first
    with django_assert_num_queries(1):
        assert data_version() == first  # outside a request every read asks


def test_a_write_on_another_connection_is_seen_from_the_next_request(transactional_db) -> None:
    def elsewhere() -> None:  # another worker thread: its own connection
        try:
            _save()
        finally:
            connection.close()

    with one_request():
        before = data_version()
        writer = threading.Thread(target=elsewhere)
        writer.start()
        writer.join()
        assert data_version() == before  # one version a request
    with one_request():
        assert data_version() != before
