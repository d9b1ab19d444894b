"""The audit log: who changed what, when, from what to what, and why.

Read from django-simple-history's tables, which only the saves themselves
write: the application offers no way to change or delete a history row.
Other apps add their models with :func:`track` (projects, tasks, problems).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import OuterRef, Subquery
from openpyxl import Workbook

from planwatch.core.errors import InvalidValue
from planwatch.core.spreadsheet import safe_cell
from planwatch.web.accounts.roles import can_review, require
from planwatch.web.editing.models import ValidationRule
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.projects.models import ProjectRecord
from planwatch.web.submissions.models import Submission

TRACKED: dict[str, type[models.Model]] = {
    "indicator": IndicatorRecord,
    "target": TargetRecord,
    "observation": ObservationRecord,
    "rule": ValidationRule,
    "submission": Submission,
    "project": ProjectRecord,  # problems and tasks keep their own append-only event logs
}
_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
_UNTRACKED_FIELDS = {"id", "updated_at"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = ["when", "who", "what", "object_id", "object", "action", "field", "old", "new", "why"]


def track(name: str, model: type[models.Model]) -> None:
    """Add a model with ``history = HistoricalRecords()`` to the audit log as ``name``."""
    TRACKED[name] = model


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str
    object_id: int
    object: str
    action: str
    fields: list[tuple[str, Any, Any]]  # (field, old, new); all fields for a creation
    why: str


@dataclass(frozen=True)
class Filters:
    what: str | None = None
    who: str | None = None
    object_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def log(*, actor: Any, filters: Filters, limit: int = 100, offset: int = 0) -> list[Change]:
    """The changes matching ``filters``, newest first (plan office only)."""
    require(can_review(actor), "only the plan office may read the audit log")
    if filters.what is not None and filters.what not in TRACKED:
        raise InvalidValue(f"{filters.what!r} is not one of {', '.join(sorted(TRACKED))}")
    names = [filters.what] if filters.what else sorted(TRACKED)
    changes: list[Change] = []
    for name in names:
        changes += _changes(name, filters, limit + offset)
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes[offset : offset + limit]


def _changes(name: str, filters: Filters, count: int) -> list[Change]:
    model = TRACKED[name]
    historical = model.history.model  # type: ignore[attr-defined]
    rows = historical.objects.select_related("history_user")
    if filters.who:
        rows = rows.filter(history_user__username=filters.who)
    if filters.object_id:
        rows = rows.filter(id=filters.object_id)
    if filters.since:
        rows = rows.filter(history_date__gte=filters.since)
    if filters.until:
        rows = rows.filter(history_date__lt=filters.until)
    previous = historical.objects.filter(
        id=OuterRef("id"), history_id__lt=OuterRef("history_id")
    ).order_by("-history_id")
    rows = rows.annotate(previous_id=Subquery(previous.values("history_id")[:1]))
    page = list(rows.order_by("-history_date", "-history_id")[:count])
    before = historical.objects.in_bulk([r.previous_id for r in page if r.previous_id])
    kept = {f.attname for f in historical._meta.concrete_fields}  # less any excluded_fields
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if f.attname not in _UNTRACKED_FIELDS and f.attname in kept
    ]
    many = [f.name for f in getattr(historical, "_history_m2m_fields", ())]  # a user's groups
    return [_change(name, row, before.get(row.previous_id), fields, many) for row in page]


def _related(row: Any, field: str) -> str:
    """The names a many-to-many field held at that history row, sorted, comma-separated."""
    target = row.instance_type._meta.get_field(field).related_model._meta.model_name
    return ",".join(sorted(str(getattr(r, target)) for r in getattr(row, field).all()))


def _change(name: str, row: Any, old: Any, fields: list[str], many: Sequence[str] = ()) -> Change:
    values = [(f, getattr(old, f) if old else None, getattr(row, f)) for f in fields]
    values += [(f, _related(old, f) if old else None, _related(row, f)) for f in many]
    if row.history_type == "~" and old is not None:
        values = [(f, a, b) for f, a, b in values if a != b]
    return Change(
        when=row.history_date,
        who=row.history_user.get_username() if row.history_user else "",
        what=name,
        object_id=row.id,
        object=str(row.instance) if row.history_type != "-" else f"{name} {row.id}",
        action=_ACTIONS[row.history_type],
        fields=values,
        why=row.history_change_reason or "",
    )


def rows(changes: list[Change]) -> list[list[str]]:
    """One row per changed field, for CSV and Excel (``COLUMNS``)."""
    out = []
    for c in changes:
        for field, old, new in c.fields or [("", None, None)]:
            out.append(
                [
                    c.when.isoformat(),
                    c.who,
                    c.what,
                    str(c.object_id),
                    c.object,
                    c.action,
                    field,
                    _text(old),
                    _text(new),
                    c.why,
                ]
            )
    return out


def to_csv(changes: list[Change]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(_safe(r) for r in rows(changes))
    return ("\ufeff" + buffer.getvalue()).encode()  # BOM: Excel opens UTF-8 CSV correctly


def to_xlsx(changes: list[Change]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "audit"
    sheet.append(COLUMNS)
    for row in rows(changes):
        sheet.append(_safe(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _safe(row: list[str]) -> list[str]:
    """Neutralise spreadsheet formulas a user may have typed into a field (CSV and xlsx)."""
    return [safe_cell(cell) for cell in row]
