"""Values kept in this process under the data version, for the last ``KEPT_HERE`` asked.

Some reads cost more than their answer is worth moving through the shared cache (a judged
register) or are asked on nearly every request (the default as-of month of a region's
year, which every project page and API answer starts from): each worker process computes
them once per data version (:func:`planwatch.web.dataversion.data_version`) and keeps them
here. A write makes a new version, so a kept value is never stale; the oldest go first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from planwatch.web.dataversion import data_version

T = TypeVar("T")
KEPT_HERE = 64  # e.g. judgements of (region, month): a city's districts fit
_here: dict[str, object] = {}  # insertion order: the oldest first
_lock = threading.Lock()


def kept(kind: str, shown: tuple[object, ...], make: Callable[[], T]) -> T:
    """What ``make`` returns for ``kind`` of ``shown``, made once per data version."""
    key = key_of(kind, shown, data_version())
    found = get(key)
    return put(key, make()) if found is None else found  # type: ignore[no-any-return]


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
