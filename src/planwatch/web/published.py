"""Published reports to anyone, without letting anyone exhaust the server.

The annual report is public and takes seconds to render, but it is the same
bytes until the data changes. So a rendered report is cached (the shared
cache, :data:`settings.CACHES`) under the data's version; at most
``REPORT_RENDERS`` renders run at once in a process, and one more is refused
with 503 and ``Retry-After`` instead of queueing without end; anonymous
visitors are rate-limited per address (django-ratelimit on the shared cache).

The data version changes with every write of the tables a report reads: a
fingerprint of their row counts and highest ids (rows added, bulk loads,
deletions; every change of a recorded object adds a history row) and a counter
that any ORM save or delete of those apps bumps (in-place changes of objects
without history).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from planwatch.web.errors import TryLater
from planwatch.web.security import client_address

DATA_APPS = ("plan", "submissions", "projects", "editing")
_COUNTER = "data-version:writes"
_CACHED_FOR = 7 * 24 * 3600  # a new data version makes a new key; old ones expire
RECENT_REPORTS = 8
_recent: dict[str, bytes] = {}  # insertion order: the oldest first
_recent_lock = threading.Lock()
RENDER_SECONDS = 120  # as long as a worker may take for a request (gunicorn's timeout)


def report(kind: str, parts: tuple[object, ...], render: Callable[[], bytes]) -> bytes:
    """The bytes ``render`` makes for ``kind`` of ``parts``, from the cache while the data holds.

    Raises :class:`TryLater` (503) when every render slot stays taken for
    ``REPORT_RENDER_WAIT`` seconds.
    """
    key = "report:" + hashlib.sha256(repr((kind, parts, data_version())).encode()).hexdigest()
    body = _recent.get(key)
    if body is None:
        body = cache.get(key)
    if body is None:
        body = _rendered(key, render)
    _remember(key, body)
    return bytes(body)


def _rendered(key: str, render: Callable[[], bytes]) -> bytes:
    slot = _render_slot()
    if slot is None:
        raise TryLater("正在生成的报告过多,请稍后再试。", status=503, retry_after=10)
    try:
        body = cache.get(key)  # made meanwhile by the request that held the slot
        if body is None:
            body = render()
            cache.set(key, body, _CACHED_FOR)
    finally:
        cache.delete(slot)
    return bytes(body)


def _remember(key: str, body: bytes) -> None:
    """Keep the last few reports in this process too: a hit then costs no cache read."""
    with _recent_lock:
        _recent.pop(key, None)
        _recent[key] = body
        while len(_recent) > RECENT_REPORTS:
            _recent.pop(next(iter(_recent)))


def _render_slot() -> str | None:
    """One of ``REPORT_RENDERS`` slots shared by every worker process, or None when all stay taken.

    A slot is a cache key added atomically; one left by a crashed worker expires
    after ``RENDER_SECONDS``.
    """
    deadline = time.monotonic() + settings.REPORT_RENDER_WAIT
    while True:
        for number in range(settings.REPORT_RENDERS):
            slot = f"report-render:{number}"
            if cache.add(slot, 1, timeout=RENDER_SECONDS):
                return slot
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.1)


def limit_anonymous(request: HttpRequest, group: str) -> None:
    """Raise :class:`TryLater` (429) when an anonymous address asked too often for ``group``."""
    if request.user.is_authenticated:
        return
    rate = settings.ANONYMOUS_REPORT_RATE
    if is_ratelimited(request, group=group, key=_address, rate=rate, increment=True):
        raise TryLater(f"请求过于频繁(每个地址 {rate}),请稍后再试。", status=429, retry_after=60)


def _address(group: str, request: HttpRequest) -> str:
    """The client's address; requests without one (a unix-socket proxy that sets none) share
    one budget rather than failing."""
    return client_address(request) or "unknown"


def data_version() -> str:
    """A string that changes whenever the data any report reads changes."""
    tables = sorted(
        (m._meta.db_table, m._meta.pk.column)
        for m in apps.get_models()
        if m._meta.app_label in DATA_APPS
    )
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT COUNT(*), MAX({quote(pk)}) FROM {quote(table)}" for table, pk in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        fingerprint = cursor.fetchall()
    return hashlib.sha256(repr((fingerprint, cache.get(_COUNTER, 0))).encode()).hexdigest()


def _written(sender: Any, **kwargs: Any) -> None:
    if sender._meta.app_label in DATA_APPS:
        changed()


def changed() -> None:
    """Bump the counter once per transaction that wrote the data, when it commits; called by
    every ORM save or delete, and by bulk writes that change rows in place (no signal)."""
    if not any(hook[1] is _bump for hook in connection.run_on_commit):
        transaction.on_commit(_bump)


def _bump() -> None:
    if not cache.add(_COUNTER, 1, timeout=None):
        try:
            cache.incr(_COUNTER)
        except ValueError:  # evicted between add and incr
            cache.set(_COUNTER, 1, timeout=None)


def connect() -> None:
    """Bump the write counter on every ORM save or delete of the report's data (once, at start)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_written, dispatch_uid=f"data-version-{id(signal)}")
