"""Use cases of the project register: load, import, export, assess, write the lag notice.

Each function is one transaction; files are read and validated completely
before the database is touched, so a rejected file changes nothing. Views,
the API and the CLI call these and nothing below them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import (
    DEFAULT_THRESHOLD,
    Evidence,
    ProgressReport,
    ProjectStatus,
    assess_all,
)
from planwatch.core.project_dataset import read_project_data
from planwatch.core.projects import Milestone, Project
from planwatch.projects_io.excel import read_workbook, write_workbook
from planwatch.projects_io.notice import Notice, build_notice
from planwatch.web.projects.models import (
    Department,
    MilestoneRecord,
    ProgressRecord,
    ProjectRecord,
)

BATCH = 2000
_PROJECT_FIELDS = [
    "name", "year", "category", "level", "government", "department", "unit", "leader", "town",
    "total", "annual_plan", "start", "end", "source",
]  # fmt: skip
_PROGRESS_FIELDS = ["completed", "reached", "narrative", "evidence", "source", "submitted_by"]


@dataclass(frozen=True)
class Stored:
    """What a load or an import wrote."""

    projects: int
    progress: int


def load_projects(directory: Path, year: int, *, actor: str) -> Stored:
    """Load a dataset directory's departments, register and progress of ``year``; all or nothing.

    Loading the same files twice changes nothing.
    """
    data = read_project_data(directory, year)
    with transaction.atomic():
        _ensure_departments(data.departments)
        _store_projects(data.projects)
        _store_progress(data.progress, actor=actor)
    return Stored(len(data.projects), len(data.progress))


def import_workbook(path: Path, *, actor: str) -> Stored:
    """Import a clerk's workbook into the register: every row, or none and every problem.

    Raises :class:`~planwatch.core.errors.DatasetError` naming sheet, row,
    column and reason of every bad cell; the database is then unchanged.
    """
    departments = list(Department.objects.values_list("name", flat=True))
    content = read_workbook(path, departments=departments, existing=register())
    with transaction.atomic():
        _store_projects(content.projects)
        _store_progress(content.progress, actor=actor)
    return Stored(len(content.projects), len(content.progress))


def export_workbook(path: Path, year: int | None) -> Stored:
    """Write the register of ``year`` and its progress as the clerks' workbook.

    Without a year, write the empty template (headers and drop-down lists).
    """
    projects = [] if year is None else register(year)
    progress = [] if year is None else reports(year)
    departments = list(Department.objects.values_list("name", flat=True))
    write_workbook(path, departments=departments, projects=projects, progress=progress)
    return Stored(len(projects), len(progress))


def register(year: int | None = None) -> list[Project]:
    """The projects of ``year`` (every year when ``None``), in code order, three queries in all."""
    records = ProjectRecord.objects.select_related("department")
    if year is not None:
        records = records.filter(year=year)
    milestones: dict[int, list[Milestone]] = {}
    for m in MilestoneRecord.objects.filter(project__in=records).order_by("planned"):
        milestones.setdefault(m.project_id, []).append(m.to_domain())
    return [r.to_domain(milestones.get(r.id, [])) for r in records]


def reports(year: int, up_to: int = 12) -> list[ProgressReport]:
    """Monthly reports of ``year`` up to month ``up_to``."""
    rows = ProgressRecord.objects.filter(year=year, month__lte=up_to).select_related("project")
    return [r.to_domain(r.project.code) for r in rows]


def project_statuses(
    period: Period, *, threshold: Decimal = DEFAULT_THRESHOLD
) -> list[ProjectStatus]:
    """Every project of ``period``'s year assessed at the end of that month by the core rule."""
    reported = reports(period.year, period.month or 12)
    return assess_all(register(period.year), reported, period, threshold=threshold)


def lag_notice(period: Period, *, threshold: Decimal = DEFAULT_THRESHOLD) -> Notice:
    """The 督导通报 of ``period``: the lagging projects the rule selects, by department."""
    return build_notice(project_statuses(period, threshold=threshold), period, threshold)


def attach_evidence(
    code: str, period: Period, filename: str, content_type: str, data: bytes, *, actor: str
) -> Evidence:
    """Store a photo or PDF backing ``code``'s report of ``period`` and list it on the report.

    The core checks type and size (:class:`~planwatch.core.progress.Evidence`)
    before anything is written; the file goes to the configured storage under
    ``evidence/<project>/<period>/``.
    """
    evidence = Evidence(filename, content_type, len(data))
    with transaction.atomic():
        try:
            record = ProgressRecord.objects.select_for_update().get(
                project__code=code, year=period.year, month=period.month
            )
        except ProgressRecord.DoesNotExist:
            raise NotFound(f"{code} 没有 {period} 的进度报告") from None
        stored = default_storage.save(f"evidence/{code}/{period}/{filename}", ContentFile(data))
        record.evidence = [*record.evidence, [Path(stored).name, content_type, len(data)]]
        record.submitted_by = actor
        record.save(update_fields=["evidence", "submitted_by", "submitted_at"])
    return evidence


def _ensure_departments(names: Iterable[str]) -> None:
    Department.objects.bulk_create(
        [Department(name=n) for n in names], ignore_conflicts=True, batch_size=BATCH
    )


def _store_projects(projects: list[Project]) -> None:
    """Insert or update ``projects`` by code and replace their milestones."""
    if not projects:
        return
    departments = dict(Department.objects.values_list("name", "id"))
    records = [
        ProjectRecord(
            code=p.code,
            name=p.name,
            year=p.year,
            category=p.category.value,
            level=p.level.value,
            government=p.government,
            department_id=departments[p.department],
            unit=p.unit,
            leader=p.leader,
            town=p.town,
            total=p.total,
            annual_plan=p.annual_plan,
            start=p.start,
            end=p.end,
            source=p.source,
        )
        for p in projects
    ]
    ProjectRecord.objects.bulk_create(
        records,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=_PROJECT_FIELDS,
        batch_size=BATCH,
    )
    ids = _project_ids(p.code for p in projects)
    MilestoneRecord.objects.filter(project_id__in=ids.values()).delete()
    MilestoneRecord.objects.bulk_create(
        [
            MilestoneRecord(project_id=ids[p.code], name=m.name, planned=m.planned)
            for p in projects
            for m in p.milestones
        ],
        batch_size=BATCH,
    )


def _store_progress(progress: list[ProgressReport], *, actor: str) -> None:
    """Insert or replace each project's report of a month, many rows per upsert statement.

    Plain SQL (the same on SQLite and PostgreSQL) because the ORM's per-row
    preparation took 10 s for a 100,000-row monthly submission; batches keep
    round trips few and stay under the backend's parameter limit.
    """
    ids = _project_ids({r.project for r in progress})
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [
        (
            ids[r.project],
            r.period.year,
            r.period.month,
            r.completed,
            json.dumps({name: day.isoformat() for name, day in r.reached.items()}),
            r.narrative,
            json.dumps([[e.filename, e.content_type, e.size] for e in r.evidence]),
            r.source,
            actor,
            now,
        )
        for r in progress
    ]
    size = min(1000, connection.ops.bulk_batch_size(_PROGRESS_COLUMNS, rows) or 1)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            cursor.execute(_upsert_progress(len(batch)), [v for row in batch for v in row])


_PROGRESS_COLUMNS = [
    "project_id", "year", "month", "completed", "reached", "narrative", "evidence", "source",
    "submitted_by", "submitted_at",
]  # fmt: skip


def _upsert_progress(count: int) -> str:
    """An upsert of ``count`` rows; no user input in the SQL: names come from the model."""
    row = "(" + ", ".join(["%s"] * len(_PROGRESS_COLUMNS)) + ")"
    updates = ", ".join(f"{c} = excluded.{c}" for c in [*_PROGRESS_FIELDS, "submitted_at"])
    return (
        f"INSERT INTO {ProgressRecord._meta.db_table} ({', '.join(_PROGRESS_COLUMNS)}) "
        f"VALUES {', '.join([row] * count)} "
        f"ON CONFLICT (project_id, year, month) DO UPDATE SET {updates}"
    )


def _project_ids(codes: Iterable[str]) -> dict[str, int]:
    """Ids of ``codes``, read in one query over the register (no IN list to outgrow)."""
    wanted = set(codes)
    rows = ProjectRecord.objects.values_list("code", "id")
    return {code: pk for code, pk in rows if code in wanted}
