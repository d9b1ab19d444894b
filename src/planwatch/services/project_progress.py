"""Storing projects' monthly reports: one rule for every surface, and the history of each write.

The page, the API and the workbook import (from the web or the CLI) all
store through :func:`write_reports`: each report is checked by the core's
rule (:func:`planwatch.core.progress_rules.report_problems`) against the
stored reports and the others of the batch, all or nothing; then written in
one upsert and given one history row each (who, when, why; ``+`` new,
``~`` revised). A report that says what is stored is left alone.

Dataset loads (:func:`store_loaded`) are the authority themselves: no rule,
no history; the state a load left is kept as a history row just before the
first revision of that report, so a revision always shows old → new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.progress_rules import report_problems, revises
from planwatch.core.projects import Project
from planwatch.web.plan.models import Region
from planwatch.web.projects.baseline import keep_baselines
from planwatch.web.projects.models import ProgressRecord, ProjectRecord

BATCH = 2000
Key = tuple[str, int, int]  # project code, year, month


@dataclass(frozen=True)
class Refusal:
    """Why the ``index``-th report of a batch was refused, by field."""

    index: int
    field: str
    reason: str


class ReportsRefused(InvalidValue):
    """Reports the rule refuses; nothing of the batch was written."""

    def __init__(self, refusals: list[Refusal]) -> None:
        super().__init__("；".join(r.reason for r in refusals))
        self.refusals = refusals


@dataclass(frozen=True)
class Written:
    created: int
    revised: int
    unchanged: int


def write_reports(
    reports: Sequence[ProgressReport],
    projects: Mapping[str, Project],
    *,
    actor: User,
    region: Region,
) -> Written:
    """Check and store ``reports`` of ``projects`` (of ``region``: codes are unique within a
    region) as ``actor``, in the caller's transaction.

    Raises :class:`ReportsRefused` naming every refused report; nothing is
    written then. The projects are locked first, so two reports of the same
    month cannot both be taken for the first one.
    """
    _lock(region, {r.project for r in reports}, {r.period.year for r in reports})
    ids = _project_ids((r.project for r in reports), region)
    stored = _stored(ids, {r.period.year for r in reports})
    merged = _merged(stored, reports)
    created, revised, refusals = [], [], []
    for index, report in enumerate(reports):
        key = (report.project, report.period.year, report.period.month or 0)
        kept = stored.get(key)
        if kept is not None and not revises(kept[0], report) and not _new_evidence(kept[0], report):
            continue
        before, after = _neighbours(merged[report.project], key)
        problems = report_problems(
            report, projects[report.project], stored=kept and kept[0], before=before, after=after
        )
        refusals += [Refusal(index, field, reason) for field, reason in problems]
        (created if kept is None else revised).append(report)
    if refusals:
        raise ReportsRefused(refusals)
    keep_baselines(ProgressRecord, [stored[_key(r)][1] for r in revised])
    _upsert([*created, *revised], ids, submitted_by=actor.get_username())
    _history(created, ids, actor=actor, update=False)
    _history(revised, ids, actor=actor, update=True)
    return Written(len(created), len(revised), len(reports) - len(created) - len(revised))


def store_loaded(reports: list[ProgressReport], region: Region, *, submitted_by: str) -> None:
    """Store a dataset's reports of ``region``'s projects as they are: no rule, no history (see
    the module docstring)."""
    ids = _project_ids((r.project for r in reports), region)
    _upsert(reports, ids, submitted_by=submitted_by)


def _key(r: ProgressReport) -> Key:
    return (r.project, r.period.year, r.period.month or 0)


def _new_evidence(stored: ProgressReport, report: ProgressReport) -> bool:
    return report.evidence != stored.evidence


def _lock(region: Region, codes: set[str], years: set[int]) -> None:
    """Lock the projects reported on (every project of the years for a large batch)."""
    projects = ProjectRecord.objects.select_for_update().filter(region=region)
    chosen = (
        projects.filter(code__in=codes) if len(codes) <= 500 else projects.filter(year__in=years)
    )
    list(chosen.values_list("id", flat=True))


def _stored(ids: Mapping[str, int], years: set[int]) -> dict[Key, tuple[ProgressReport, int]]:
    """The stored reports of the projects ``ids`` in ``years``, with their row ids."""
    codes = {pk: code for code, pk in ids.items()}
    return {
        (codes[r.project_id], r.year, r.month): (r.to_domain(codes[r.project_id]), r.pk)
        for r in _records(set(codes), years)
    }


def _records(project_ids: set[int], years: set[int]) -> list[ProgressRecord]:
    """The reports of ``project_ids`` in ``years`` (a large batch: read by year, then kept)."""
    rows = ProgressRecord.objects.filter(year__in=years)
    if len(project_ids) <= 500:
        return list(rows.filter(project_id__in=project_ids))
    return [r for r in rows if r.project_id in project_ids]


def _merged(
    stored: Mapping[Key, tuple[ProgressReport, int]], reports: Iterable[ProgressReport]
) -> dict[str, dict[Key, Decimal]]:
    """Each project's cumulative by month once the batch is stored (the batch wins)."""
    merged: dict[str, dict[Key, Decimal]] = {}
    for key, (report, _) in stored.items():
        merged.setdefault(key[0], {})[key] = report.completed
    for report in reports:
        merged.setdefault(report.project, {})[_key(report)] = report.completed
    return merged


def _neighbours(
    months: Mapping[Key, Decimal], key: Key
) -> tuple[ProgressReport | None, ProgressReport | None]:
    """The nearest earlier and later month of the same year, as reports of their cumulative."""
    same_year = [k for k in months if k[1] == key[1]]
    earlier = max((k for k in same_year if k[2] < key[2]), default=None)
    later = min((k for k in same_year if k[2] > key[2]), default=None)
    return _as_report(earlier, months), _as_report(later, months)


def _as_report(key: Key | None, months: Mapping[Key, Decimal]) -> ProgressReport | None:
    if key is None:
        return None
    return ProgressReport(key[0], Period(key[1], month=key[2]), months[key])


def _history(
    reports: list[ProgressReport], ids: Mapping[str, int], *, actor: User, update: bool
) -> None:
    """One history row per written report, with ``actor`` and the report's reason."""
    if not reports:
        return
    reasons = {(ids[r.project], r.period.year, r.period.month): r.reason.strip() for r in reports}
    records = _records({ids[r.project] for r in reports}, {r.period.year for r in reports})
    written = []
    for record in records:
        reason = reasons.get((record.project_id, record.year, record.month))
        if reason is not None:
            record._change_reason = reason  # type: ignore[attr-defined]
            written.append(record)
    ProgressRecord.history.bulk_history_create(  # type: ignore[attr-defined]
        written, batch_size=BATCH, update=update, default_user=actor
    )


def _upsert(
    reports: Sequence[ProgressReport], ids: Mapping[str, int], *, submitted_by: str
) -> None:
    """Insert or replace each project's report of a month, in one upsert.

    Plain SQL because the ORM's per-row preparation took 10 s for a
    100,000-row monthly submission. PostgreSQL gets the rows by COPY into a
    scratch table and upserts them in one statement (single-row upserts took
    ~40 s there); SQLite, in-process, runs the same upsert once per row.
    """
    if not reports:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [_row(r, ids[r.project], submitted_by, now) for r in reports]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(
                f"{_INSERT} VALUES ({', '.join(['%s'] * len(_COLUMNS))}) {_UPSERT}", rows
            )
            return
        cursor.execute(
            f"CREATE TEMP TABLE progress_in AS SELECT {', '.join(_COLUMNS)} "
            f"FROM {_TABLE} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY progress_in ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"{_INSERT} SELECT {', '.join(_COLUMNS)} FROM progress_in {_UPSERT}")
        cursor.execute("DROP TABLE progress_in")  # a rollback drops it too


def _row(r: ProgressReport, project_id: int, submitted_by: str, now: Any) -> tuple[Any, ...]:
    return (
        project_id,
        r.period.year,
        r.period.month,
        r.completed,
        json.dumps({name: day.isoformat() for name, day in r.reached.items()}),
        r.narrative,
        json.dumps([[e.filename, e.content_type, e.size] for e in r.evidence]),
        r.source,
        submitted_by,
        now,
    )


# No user input in this SQL: table and column names come from the model.
_FIELDS = ["completed", "reached", "narrative", "evidence", "source", "submitted_by"]
_TABLE = ProgressRecord._meta.db_table
_COLUMNS = ["project_id", "year", "month", *_FIELDS, "submitted_at"]
_INSERT = f"INSERT INTO {_TABLE} ({', '.join(_COLUMNS)})"
_UPSERT = "ON CONFLICT (project_id, year, month) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in [*_FIELDS, "submitted_at"]
)


def _project_ids(codes: Iterable[str], region: Region) -> dict[str, int]:
    """Ids of ``region``'s ``codes``, read in one query over its register (no IN list to
    outgrow)."""
    wanted = set(codes)
    rows = ProjectRecord.objects.filter(region=region).values_list("code", "id")
    return {code: pk for code, pk in rows if code in wanted}
