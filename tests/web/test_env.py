"""Database settings from the environment: connections kept between requests, SQLite in
write-ahead-log mode."""

from __future__ import annotations

from pathlib import Path

from django.db.utils import ConnectionHandler

from planwatch.web.env import database_from_url

POSTGRES = "postgres://planwatch:secret@db.example:5433/plan"


def test_connections_are_kept_a_minute_and_checked_before_reuse(tmp_path: Path) -> None:
    for url in (POSTGRES, None, f"sqlite://{tmp_path}/x.sqlite3"):
        database = database_from_url(url, tmp_path / "planwatch.sqlite3")
        assert database["CONN_MAX_AGE"] == 60 and database["CONN_HEALTH_CHECKS"] is True


def test_the_time_a_connection_is_kept_is_set_by_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PLANWATCH_DB_CONN_MAX_AGE", "0")
    assert database_from_url(POSTGRES, tmp_path / "planwatch.sqlite3")["CONN_MAX_AGE"] == 0


def test_sqlite_writes_ahead_to_a_log_and_takes_the_write_lock_when_a_transaction_begins(
    tmp_path: Path, django_db_blocker
) -> None:
    handler = ConnectionHandler({"default": database_from_url(None, tmp_path / "p.sqlite3")})
    db = handler["default"]
    with django_db_blocker.unblock():
        with db.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone() == ("wal",)
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone() == (1,)  # NORMAL
        assert db.transaction_mode == "IMMEDIATE"
        db.close()
