"""Tiny readers of settings from the environment that fail loudly on bad values."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false)")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def data_dir() -> Path:
    """Where planwatch keeps its database and uploads: PLANWATCH_HOME, else ./var."""
    return Path(os.environ.get("PLANWATCH_HOME") or Path.cwd() / "var").resolve()


# Several worker processes share one SQLite file (and its cache table): a
# transaction takes the write lock when it begins, so that one that read first
# never fails at once with "database is locked" when it comes to write; a
# writer waits up to 20 s for the lock. Write-ahead log: readers do not wait for
# a writer nor it for them, and a commit need not sync the file (NORMAL: a power
# cut may lose the last commits, never the file's consistency). The journal
# mode stays with the file; the first connection sets it.
_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}

# A worker thread keeps its connection for the next requests. PostgreSQL: opening one
# starts a server process and authenticates (~15 ms here, more than a page); a minute
# serves a burst from one connection and gives an idle site's back. SQLite: opening
# one costs ~2.5 ms (Django registers its functions, the pragmas run) and holds
# nothing on a server, so it is kept as long. 0: one connection a request.
CONN_MAX_AGE = 60


def _persistent() -> dict[str, Any]:
    """Keep a worker thread's connection for the next requests (PLANWATCH_DB_CONN_MAX_AGE
    seconds; 0: one connection a request), checked before each request reuses it."""
    return {
        "CONN_MAX_AGE": env_int("PLANWATCH_DB_CONN_MAX_AGE", CONN_MAX_AGE),
        "CONN_HEALTH_CHECKS": True,
    }


def _sqlite(path: str) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": dict(_SQLITE_OPTIONS),
        **_persistent(),
    }


def database_from_url(url: str | None, sqlite_path: Path) -> dict[str, Any]:
    """A Django DATABASES entry from DATABASE_URL (postgres:// or sqlite://), else SQLite."""
    if not url:
        return _sqlite(str(sqlite_path))
    parsed = urlparse(url)
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            **_persistent(),
        }
    if parsed.scheme == "sqlite":
        return _sqlite(unquote(parsed.path) or str(sqlite_path))
    raise ImproperlyConfigured(f"DATABASE_URL scheme {parsed.scheme!r} is not postgres or sqlite")
