"""Published reports to anyone, without letting anyone exhaust the server.

The annual report is public and takes seconds to render, but it is the same
bytes until the data changes. So a rendered report is cached (the shared
cache, :data:`settings.CACHES`) under the data's version; at most
``REPORT_RENDERS`` renders run at once in a process, and one more is refused
with 503 and ``Retry-After`` instead of queueing without end; anonymous
visitors are rate-limited per address (django-ratelimit on the shared cache).

The data version (:func:`planwatch.web.dataversion.data_version`) changes with
every committed write of the tables a report reads, however it was written.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from planwatch.web import kept
from planwatch.web.dataversion import data_version
from planwatch.web.errors import TryLater
from planwatch.web.security import client_address

_CACHED_FOR = 7 * 24 * 3600  # a new data version makes a new key; old ones expire
RECENT_REPORTS = 8
_recent = kept.Recent(RECENT_REPORTS)  # hits then cost no cache read
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
    _recent.put(key, body)
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
