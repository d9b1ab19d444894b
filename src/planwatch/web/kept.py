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


class Recent:
    """The last ``size`` values put, by key, shared by the threads of this process; the
    oldest go first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[str, Any] = {}  # insertion order: the oldest first
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock:
            return self._values.get(key)

    def put(self, key: str, value: T) -> T:
        with self._lock:
            self._values.pop(key, None)
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.pop(next(iter(self._values)))
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


_here = Recent(KEPT_HERE)


def get(key: str) -> Any:
    return _here.get(key)


def put(key: str, value: T) -> T:
    return _here.put(key, value)


def forget() -> None:
    """Drop what this process keeps: for tests, which roll the database back under it."""
    _here.clear()
