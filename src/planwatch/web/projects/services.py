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

from django.contrib.auth.models import User
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
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.projects import evidence as evidence_files
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


def load_projects(directory: Path, year: int) -> Stored:
    """Load a dataset directory's departments, register and progress of ``year``; all or nothing.

    Dataset files are the authority themselves (as for the plan dataset), so
    no actor: reports are recorded as submitted by ``dataset:<directory>``.
    Loading the same files twice changes nothing.
    """
    data = read_project_data(directory, year)
    with transaction.atomic():
        _ensure_departments(data.departments)
        _store_projects(data.projects)
        _store_progress(data.progress, submitted_by=f"dataset:{directory.name}")
    return Stored(len(data.projects), len(data.progress))


def import_workbook(path: Path, *, actor: User) -> Stored:
    """Import a clerk's workbook into the register: every row, or none and every problem.

    A clerk may import only their own department's projects and progress; the
    plan office any. Raises :class:`~planwatch.core.errors.DatasetError`
    naming sheet, row, column and reason of every bad cell, or ``Forbidden``;
    the database is then unchanged.
    """
    departments = list(Department.objects.values_list("name", flat=True))
    existing = register()
    content = read_workbook(path, departments=departments, existing=existing)
    owners = {p.code: p.department for p in [*existing, *content.projects]}
    touched = {p.department for p in content.projects} | {
        owners[r.project] for r in content.progress
    }
    refused = sorted(d for d in touched if not can_write_for(actor, d))
    require(not refused, f"{actor.get_username()} 不能报送{'、'.join(refused)}的项目。")
    with transaction.atomic():
        _store_projects(content.projects)
        _store_progress(content.progress, submitted_by=actor.get_username())
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
    code: str, period: Period, filename: str, content_type: str, data: bytes, *, actor: User
) -> Evidence:
    """Store a photo or PDF backing ``code``'s report of ``period`` and list it on the report.

    The core checks type and size (:class:`~planwatch.core.progress.Evidence`)
    before anything is written; the file goes to the configured storage under
    ``evidence/<project>/<period>/``.
    """
    evidence = Evidence(filename, content_type, len(data))
    with transaction.atomic():
        try:
            record = (
                ProgressRecord.objects.select_for_update()
                .select_related("project__department")
                .get(project__code=code, year=period.year, month=period.month)
            )
        except ProgressRecord.DoesNotExist:
            raise NotFound(f"{code} 没有 {period} 的进度报告") from None
        department = record.project.department.name
        require(can_write_for(actor, department), f"只有{department}可以为 {code} 上传佐证。")
        stored = evidence_files.save(code, period, filename, data)
        record.evidence = [*record.evidence, [stored, content_type, len(data)]]
        record.submitted_by = actor.get_username()
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


def _store_progress(progress: list[ProgressReport], *, submitted_by: str) -> None:
    """Insert or replace each project's report of a month, in one upsert.

    Plain SQL because the ORM's per-row preparation took 10 s for a
    100,000-row monthly submission. PostgreSQL gets the rows by COPY into a
    scratch table and upserts them in one statement (single-row upserts took
    ~40 s there); SQLite, in-process, runs the same upsert once per row.
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
            submitted_by,
            now,
        )
        for r in progress
    ]
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


# No user input in this SQL: table and column names come from the model.
_TABLE = ProgressRecord._meta.db_table
_COLUMNS = ["project_id", "year", "month", *_PROGRESS_FIELDS, "submitted_at"]
_INSERT = f"INSERT INTO {_TABLE} ({', '.join(_COLUMNS)})"
_UPSERT = "ON CONFLICT (project_id, year, month) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in [*_PROGRESS_FIELDS, "submitted_at"]
)


def _project_ids(codes: Iterable[str]) -> dict[str, int]:
    """Ids of ``codes``, read in one query over the register (no IN list to outgrow)."""
    wanted = set(codes)
    rows = ProjectRecord.objects.values_list("code", "id")
    return {code: pk for code, pk in rows if code in wanted}
