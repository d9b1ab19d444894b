"""Values kept in this process under the data version, for the last ``KEPT_HERE`` asked.

Some reads cost more than their answer is worth moving through the shared cache (a judged
register) or are asked on nearly every request (the default as-of month of a region's
year, which every project page and API answer starts from): each worker process computes
them once per data version (:func:`planwatch.web.dataversion.data_version`) and keeps them
here. A write makes a new version, so a kept value is never stale; the oldest go first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from planwatch.web.dataversion import data_version

T = TypeVar("T")
KEPT_HERE = 64  # e.g. judgements of (region, month): a city's districts fit
_here: dict[str, object] = {}  # insertion order: the oldest first
_lock = threading.Lock()
_making: dict[str, threading.Lock] = {}  # keys being made now, by one thread each


def kept(kind: str, shown: tuple[object, ...], make: Callable[[], T]) -> T:
    """What ``make`` returns for ``kind`` of ``shown``, made once per data version (and by one
    thread of the process at a time: see :func:`making`)."""
    key = key_of(kind, shown, data_version())
    found = get(key)
    if found is None:
        with making(key):
            found = get(key)
            if found is None:
                found = put(key, make())
    return found  # type: ignore[no-any-return]


@contextmanager
def making(key: str) -> Iterator[None]:
    """Hold ``key``'s lock while its value is made. After a write every request of a busy page
    misses at once; without the lock each of a process's threads would make the same value
    side by side, and each would take as long as all of them together. Look again inside."""
    with _lock:
        lock = _making.setdefault(key, threading.Lock())
    with lock:
        yield
    with _lock:
        if _making.get(key) is lock and not lock.locked():
            del _making[key]


def key_of(kind: str, shown: tuple[object, ...], version: str) -> str:
    return repr((kind, shown, version))


def get(key: str) -> Any:
    with _lock:
        return _here.get(key)


def put(key: str, value: T) -> T:
    with _lock:
        _here.pop(key, None)
        _here[key] = value
        while len(_here) > KEPT_HERE:
            _here.pop(next(iter(_here)))
    return value


def forget() -> None:
    """Drop what this process keeps: for tests, which roll the database back under it."""
    with _lock:
        _here.clear()
