"""The data's version: what kept page parts, judgements and reports are cached under.

The version is a counter in one database row (:class:`~planwatch.web.plan.models.DataVersion`),
so every worker process, the job worker and the command line share it. Reading it is one
primary-key query, made at most once per request (kept for the request's thread from
``request_started`` to ``request_finished``; outside a request every read asks).

Every write of the data's tables (:data:`DATA_APPS`) is caught by construction, not by
remembering to call something: a wrapper on every connection's cursor (installed when the
connection opens) sees each INSERT, UPDATE, DELETE, TRUNCATE or COPY statement naming
one of those tables — ORM saves and deletes, ``bulk_create``, ``QuerySet.update`` and
``delete``, raw SQL — and ORM signals catch the rest. PostgreSQL's COPY, which passes by
the cursor, only fills scratch tables (``project_progress._upsert``): the statement that
moves their rows into the data passes through it.

A transaction that wrote counts the version up once, after it commits (one autocommit
upsert), so a reader never keeps old data under a new version; one rolled back leaves it
as it was. Until then the transaction itself, which sees its own writes, reads a version
of its own (the counter and a token of its writes so far, dropped with a savepoint rolled
back), shared with no other reader.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate

from planwatch.web.plan.models import DataVersion

DATA_APPS = ("plan", "submissions", "projects", "editing")
_WRITE = re.compile(r"\s*(insert|update|delete|replace|merge|truncate|copy|with)\b", re.I)
_TABLE = DataVersion._meta.db_table
# One statement, in autocommit: the row is made (with a new epoch) on the first write.
_BUMP = (
    f"INSERT INTO {_TABLE} (id, writes, epoch) VALUES (1, 1, %s) ON CONFLICT (id) "
    f"DO UPDATE SET writes = {_TABLE}.writes + 1 RETURNING epoch, writes"
)


class _Request(threading.local):
    within = False  # between request_started and request_finished, in this thread
    version: str | None = None


_request = _Request()
_migrating = threading.Event()


def data_version() -> str:
    """A string that changes whenever the data of :data:`DATA_APPS` changes."""
    version = _request.version if _request.within else None
    if version is None:
        row = DataVersion.objects.filter(pk=1).values_list("epoch", "writes").first()
        version = f"{row[0]}.{row[1]}" if row else "0"
        if _request.within:
            _request.version = version
    pending = _pending(connection)
    if pending:
        tokens = "".join(f"{w.token}{w.count}" for w in pending)
        version += "+" + hashlib.blake2b(tokens.encode(), digest_size=8).hexdigest()
    return version


class _Once:
    """Shared by the :class:`_Writes` of one transaction: its commit counts up once."""

    done = False


class _Writes:
    """A transaction's writes at one savepoint depth: an on-commit hook, dropped with the
    savepoint if it is rolled back."""

    def __init__(self, db: BaseDatabaseWrapper, once: _Once) -> None:
        self.db, self.once = db, once
        self.token, self.count = secrets.token_hex(8), 0

    def __call__(self) -> None:
        if not self.once.done:
            self.once.done = True
            _bump(self.db)


def _pending(db: BaseDatabaseWrapper) -> list[_Writes]:
    return [hook for _, hook, _ in db.run_on_commit if isinstance(hook, _Writes)]


def _wrote(db: BaseDatabaseWrapper) -> None:
    """Note a write of the data on ``db``: counted up now in autocommit, else on commit."""
    if _migrating.is_set():
        return  # the version's table may not exist yet; counted up once migrate is done
    if not db.in_atomic_block:
        transaction.on_commit(lambda: _bump(db), using=db.alias)  # in autocommit: now
        return
    depth = set(db.savepoint_ids)
    last = db.run_on_commit[-1] if db.run_on_commit else None
    if last is not None and isinstance(last[1], _Writes) and last[0] == depth:
        last[1].count += 1
        return
    earlier = _pending(db)
    writes = _Writes(db, earlier[-1].once if earlier else _Once())
    writes.count += 1
    transaction.on_commit(writes, using=db.alias)


def _bump(db: BaseDatabaseWrapper) -> None:
    try:
        with db.cursor() as cursor:
            cursor.execute(_BUMP, [secrets.token_hex(8)])
            epoch, writes = cursor.fetchone()
    except DatabaseError:
        if _TABLE in db.introspection.table_names():
            raise
        return  # a schema migrated back below the counter's table (a migration's test)
    if _request.within:
        _request.version = f"{epoch}.{writes}"


@cache
def _watched() -> re.Pattern[str]:
    """The data's tables (with their history and many-to-many tables) as one pattern."""
    tables = sorted(
        m._meta.db_table
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in DATA_APPS and m is not DataVersion
    )
    return re.compile(r"\b(?:" + "|".join(map(re.escape, tables)) + r")\b", re.I)


def _watch(execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: dict) -> Any:
    """A cursor's execute wrapper: a statement that may write the data notes the write once it
    ran. A read that starts with WITH is taken for a write too: a spare count is harmless, a
    missed one is not."""
    result = execute(sql, params, many, context)
    text = sql if isinstance(sql, str) else str(sql)
    if _WRITE.match(text) and _watched().search(text):
        _wrote(context["connection"])
    return result


def _on_connection(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if _watch not in connection.execute_wrappers:
        # first: a wrapper pushed and popped around this connection's opening stays last
        connection.execute_wrappers.insert(0, _watch)


def _on_model_write(sender: Any, **kwargs: Any) -> None:
    written = kwargs.get("action", "post_").startswith("post_")  # m2m: after the change
    if written and sender._meta.app_label in DATA_APPS and sender is not DataVersion:
        _wrote(connections[kwargs.get("using") or "default"])


def _request_starts(**kwargs: Any) -> None:
    _request.within, _request.version = True, None


def _request_ends(**kwargs: Any) -> None:
    _request.within, _request.version = False, None


def _migrate_starts(**kwargs: Any) -> None:
    _migrating.set()


def _migrate_ends(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Migrations may change the data: count up once they are all done (on the signal of the
    version's own app; every app's comes after the last migration)."""
    _migrating.clear()
    if sender.label == DataVersion._meta.app_label:
        db = connections[using]
        if _TABLE in db.introspection.table_names():
            _bump(db)


def connect() -> None:
    """Watch every connection and model write, and keep the version per request (once)."""
    connection_created.connect(_on_connection, dispatch_uid="data-version-cursor")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_write, dispatch_uid=f"data-version-{id(signal)}")
    request_started.connect(_request_starts, dispatch_uid="data-version-request-starts")
    request_finished.connect(_request_ends, dispatch_uid="data-version-request-ends")
    pre_migrate.connect(_migrate_starts, dispatch_uid="data-version-migrate-starts")
    post_migrate.connect(_migrate_ends, dispatch_uid="data-version-migrate-ends")
