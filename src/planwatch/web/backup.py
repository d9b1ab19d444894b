"""Backup and restore of the whole database and its uploaded files, on SQLite and PostgreSQL.

A backup is a tar archive of ``database.json.gz`` and ``uploads/`` (every
evidence file under ``MEDIA_ROOT``). The database part is gzip-compressed JSON
in Django's fixture format (every model in
dependency order, times to the microsecond; content types and permissions,
which every database recreates itself, only as natural keys), read in one
transaction so that it is a consistent snapshot (REPEATABLE READ on
PostgreSQL; SQLite holds its read lock to the end). A restore goes only into an
empty database (schema created, no data) and is all or nothing; the files are
put back once the rows are in. A backup of an earlier version (the gzip JSON
alone) is restored too, and its evidence files moved to their region's folders.
"""

from __future__ import annotations

import gzip
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction

from planwatch.core.errors import PlanwatchError
from planwatch.web.plan.models import DataVersion
from planwatch.web.projects.evidence_move import move_to_region_folders

# Made by migrate itself, or the database's own count of its writes (a restore counts it
# up in the database it goes into), so not backed up.
RECREATED = (ContentType, Permission, DataVersion)


class NotEmpty(PlanwatchError):
    """A restore into a database that already holds data."""

    code = "not_empty"


class BadBackup(PlanwatchError):
    """A file that is not a planwatch backup or does not fit this version's schema."""

    code = "bad_backup"


def data_models() -> list[type[models.Model]]:
    """Every model whose rows a backup holds (with the auto-created many-to-many tables)."""
    found = apps.get_models(include_auto_created=True)
    return [m for m in found if m not in RECREATED and not m._meta.proxy]


DATABASE_MEMBER, UPLOADS = "database.json.gz", "uploads"


def backup(path: Path) -> int:
    """Write the whole database and the uploaded files to ``path``; returns the number of rows."""
    with tempfile.TemporaryDirectory() as work:
        rows = _backup_database(Path(work) / DATABASE_MEMBER)
        with tarfile.open(path, "w") as archive:
            archive.add(Path(work) / DATABASE_MEMBER, arcname=DATABASE_MEMBER)
            uploads = Path(settings.MEDIA_ROOT)
            if uploads.is_dir():
                archive.add(uploads, arcname=UPLOADS)
    return rows


def _backup_database(path: Path) -> int:
    ordered = serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs()], allow_cycles=True
    )
    count = 0
    with transaction.atomic(), gzip.open(path, "wt", encoding="utf-8") as out:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        out.write("[")
        for model in ordered:
            if model in RECREATED or model._meta.proxy or not model._meta.managed:
                continue
            rows = model._default_manager.order_by("pk").iterator(chunk_size=2000)
            for row in serializers.serialize("python", rows, use_natural_foreign_keys=True):
                out.write(("\n" if count == 0 else ",\n") + json.dumps(row, cls=_Exact))
                count += 1
        out.write("\n]\n")
    return count


class _Exact(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def non_empty_tables() -> list[str]:
    return [m._meta.db_table for m in data_models() if m._default_manager.exists()]


def restore(path: Path) -> int:
    """Load the backup at ``path`` into this empty database, then its files; returns the rows."""
    if not tarfile.is_tarfile(path):
        return _restore_database(path)  # a backup of the database alone, as earlier versions wrote
    with tempfile.TemporaryDirectory() as work, tarfile.open(path) as archive:
        try:
            archive.extractall(work, filter="data")  # refuses absolute paths, "..", links out
        except (tarfile.TarError, OSError) as exc:
            raise BadBackup(f"{path} is not a planwatch backup ({exc})") from None
        rows = _restore_database(Path(work) / DATABASE_MEMBER)
        if (Path(work) / UPLOADS).is_dir():
            shutil.copytree(Path(work) / UPLOADS, settings.MEDIA_ROOT, dirs_exist_ok=True)
            move_to_region_folders()  # a backup of an earlier version holds the old layout
    return rows


def _restore_database(path: Path) -> int:
    if tables := non_empty_tables():
        raise NotEmpty(
            f"the database is not empty ({', '.join(tables[:5])}"
            f"{', …' if len(tables) > 5 else ''}); restore only into a new, empty database "
            "(set DATABASE_URL or PLANWATCH_HOME to one)"
        )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            text = source.read()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise BadBackup(f"{path} is not a gzip-compressed planwatch backup ({exc})") from None
    count = 0
    touched: set[type[models.Model]] = set()
    try:
        with transaction.atomic(), connection.constraint_checks_disabled(), _history_paused():
            deferred = []
            for item in serializers.deserialize("json", text, handle_forward_references=True):
                item.save()
                touched.add(type(item.object))
                count += 1
                if item.deferred_fields:
                    deferred.append(item)
            for item in deferred:
                item.save_deferred_fields()
            connection.check_constraints()
    except serializers.base.DeserializationError as exc:
        raise BadBackup(f"{path} does not fit this version of planwatch: {exc}") from None
    _reset_sequences(list(touched))
    return count


@contextmanager
def _history_paused() -> Iterator[None]:
    """Restored rows carry their own history: saving them (and a user's groups) adds none.

    django-simple-history skips raw saves but not many-to-many changes; its
    setting switches both off. Restore runs alone, from the command line.
    """
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous


def _reset_sequences(touched: list[type[models.Model]]) -> None:
    """Let new rows take ids after the restored ones (PostgreSQL keeps separate counters)."""
    statements = connection.ops.sequence_reset_sql(no_style(), touched)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
