"""The project register: load, import, export, assess, write the lag notice.

Each write is one transaction; files are read and validated completely
before the database is touched, so a rejected file changes nothing. Monthly
reports are stored by :mod:`planwatch.services.project_progress`, under the
same rule as a report sent from the page or the API. Views, the API and the
CLI call these and nothing below them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, QuerySet

from planwatch.core.errors import DatasetError, NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import (
    DEFAULT_THRESHOLD,
    Evidence,
    ProgressReport,
    ProjectStatus,
    assess,
    assess_all,
)
from planwatch.core.project_dataset import read_project_data
from planwatch.core.project_rows import RowProblem
from planwatch.core.projects import Milestone, Project
from planwatch.projects_io.excel import PROGRESS_SHEET, located, read_workbook, write_workbook
from planwatch.projects_io.notice import Notice, build_notice
from planwatch.services import regions
from planwatch.services.project_progress import ReportsRefused, store_loaded, write_reports
from planwatch.services.regions import dataset_region
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.plan.models import Region
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


@dataclass(frozen=True)
class Stored:
    """What a load or an import wrote (reports sent again unchanged are counted too)."""

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
        region = dataset_region(directory)
        _ensure_departments(data.departments)
        _store_projects(data.projects, region)
        store_loaded(data.progress, region, submitted_by=f"dataset:{directory.name}")
    return Stored(len(data.projects), len(data.progress))


def import_workbook(path: Path, *, actor: User, region: Region | None = None) -> Stored:
    """Import a clerk's workbook into ``region``'s register (default: the actor's district, else
    the first region): every row, or none and every problem. A district's users import only
    into their own district (``Forbidden``, nothing written).

    A clerk may import only their own department's projects and progress; the
    plan office any. Reports follow the rule of every surface
    (:func:`~planwatch.services.project_progress.write_reports`): a month
    already reported is revised only with a 修改原因 in its row. Raises
    :class:`~planwatch.core.errors.DatasetError` naming sheet, row, column and
    reason of every bad cell, or ``Forbidden``; the database is then unchanged.
    """
    region = region or regions.region(actor=actor)
    departments = list(Department.objects.values_list("name", flat=True))
    existing = register(region=region)
    content = read_workbook(path, departments=departments, existing=existing)
    owners = {p.code: p.department for p in [*existing, *content.projects]}
    touched = {p.department for p in content.projects} | {
        owners[r.project] for r in content.progress
    }
    refused = sorted(d for d in touched if not can_write_for(actor, d, region.pk))
    require(
        not refused, f"{actor.get_username()} 不能报送{'、'.join(refused)}的项目({region.name})。"
    )
    projects = {p.code: p for p in [*existing, *content.projects]}
    with transaction.atomic():
        _store_projects(content.projects, region)
        try:
            write_reports(content.progress, projects, actor=actor, region=region)
        except ReportsRefused as refused:
            rows = content.progress_rows
            bad = [RowProblem(rows[r.index], r.field, r.reason) for r in refused.refusals]
            raise DatasetError(located(PROGRESS_SHEET, bad)) from None
    return Stored(len(content.projects), len(content.progress))


def export_workbook(path: Path, year: int | None, region: Region | None = None) -> Stored:
    """Write ``region``'s register of ``year`` and its progress as the clerks' workbook
    (every region's when ``None``).

    Without a year, write the empty template (headers and drop-down lists).
    """
    projects = [] if year is None else register(year, region)
    progress = [] if year is None else reports(year, region=region)
    departments = list(Department.objects.values_list("name", flat=True))
    write_workbook(path, departments=departments, projects=projects, progress=progress)
    return Stored(len(projects), len(progress))


def register(year: int | None = None, region: Region | None = None) -> list[Project]:
    """The projects of ``year`` (every year when ``None``) of ``region`` (every region's when
    ``None``), in code order, two queries in all."""
    records = ProjectRecord.objects.select_related("department")
    if year is not None:
        records = records.filter(year=year)
    if region is not None:
        records = records.filter(region=region)
    milestones: dict[int, list[Milestone]] = {}
    for m in MilestoneRecord.objects.filter(project__in=records).order_by("planned"):
        milestones.setdefault(m.project_id, []).append(m.to_domain())
    return [r.to_domain(milestones.get(r.id, [])) for r in records]


def reports(year: int, up_to: int = 12, *, region: Region | None = None) -> list[ProgressReport]:
    """Monthly reports of ``year`` up to month ``up_to`` (of ``region``'s projects when given)."""
    rows = ProgressRecord.objects.filter(year=year, month__lte=up_to)
    if region is not None:
        rows = rows.filter(project__region=region)
    return [r.to_domain(code) for r, code in _with_codes(rows)]


def _with_codes(rows: QuerySet[ProgressRecord]) -> Iterable[tuple[ProgressRecord, str]]:
    """The reports with their project's code, without loading a project object per row."""
    for record in rows.annotate(code=F("project__code")):
        yield record, record.code  # type: ignore[attr-defined]


def project_statuses(
    period: Period, region: Region | None = None, *, threshold: Decimal = DEFAULT_THRESHOLD
) -> list[ProjectStatus]:
    """Every project of ``region`` (every region's when ``None``) of ``period``'s year assessed
    at the end of that month by the core rule."""
    reported = reports(period.year, period.month or 12, region=region)
    return assess_all(register(period.year, region), reported, period, threshold=threshold)


def statuses_by_region(period: Period, among: Iterable[Region]) -> dict[int, list[ProjectStatus]]:
    """:func:`project_statuses` of each region of ``among``, by id, from one read of their
    registers and reports: four queries whatever the number of regions (the city view)."""
    ids = [r.pk for r in among]
    records = ProjectRecord.objects.select_related("department").filter(
        year=period.year, region_id__in=ids
    )
    milestones: dict[int, list[Milestone]] = {}
    for m in MilestoneRecord.objects.filter(project__in=records).order_by("planned"):
        milestones.setdefault(m.project_id, []).append(m.to_domain())
    projects: dict[int, list[Project]] = {pk: [] for pk in ids}
    for record in records:
        projects[record.region_id].append(record.to_domain(milestones.get(record.id, [])))
    rows = ProgressRecord.objects.filter(
        year=period.year, month__lte=period.month or 12, project__region_id__in=ids
    ).annotate(of_region=F("project__region_id"))
    reported: dict[int, list[ProgressReport]] = {pk: [] for pk in ids}
    for row, code in _with_codes(rows):
        reported[row.of_region].append(row.to_domain(code))  # type: ignore[attr-defined]
    return {pk: assess_all(projects[pk], reported[pk], period) for pk in ids}


def project_status(
    code: str, period: Period, region: Region | None = None
) -> tuple[ProjectStatus, list[ProgressReport]]:
    """Project ``code`` of ``period``'s year (of ``region`` when given) judged at the end of that
    month, and its reports of the year, oldest first: reads that project alone."""
    records = ProjectRecord.objects.select_related("department").filter(code=code, year=period.year)
    record = (records if region is None else records.filter(region=region)).first()
    if record is None:
        raise NotFound(f"{period.year}年没有项目 {code!r}。")
    rows = record.progress.filter(year=period.year).order_by("month")
    reported = [r.to_domain(code) for r in rows]
    return assess(record.to_domain(), reported, period), reported


def lag_notice(
    period: Period, region: Region | None = None, *, threshold: Decimal = DEFAULT_THRESHOLD
) -> Notice:
    """The 督导通报 of ``period``: the lagging projects the rule selects, by department."""
    return build_notice(project_statuses(period, region, threshold=threshold), period, threshold)


def attach_evidence(
    code: str,
    period: Period,
    filename: str,
    content_type: str,
    data: bytes,
    *,
    actor: User,
    region: Region | None = None,
) -> Evidence:
    """Store a photo or PDF backing ``code``'s report of ``period`` and list it on the report.

    The core checks type and size (:class:`~planwatch.core.progress.Evidence`)
    before anything is written; the file goes to the configured storage under
    ``evidence/<region>/<project>/<period>/``. The project is ``region``'s (default: the
    actor's district, else the first region).
    """
    region = region or regions.region(actor=actor)
    evidence = Evidence(filename, content_type, len(data))
    with transaction.atomic():
        try:
            record = (
                ProgressRecord.objects.select_for_update()
                .select_related("project__department")
                .get(
                    project__region=region, project__code=code, year=period.year, month=period.month
                )
            )
        except ProgressRecord.DoesNotExist:
            raise NotFound(f"{code} 没有 {period} 的进度报告") from None
        department = record.project.department.name
        allowed = can_write_for(actor, department, record.project.region_id)
        require(allowed, f"只有{region.name}{department}可以为 {code} 上传佐证。")
        stored = evidence_files.save(region.code, code, period, filename, data)
        record.evidence = [*record.evidence, [stored, content_type, len(data)]]
        record.submitted_by = actor.get_username()
        record._history_user = actor  # type: ignore[attr-defined]
        record._change_reason = f"佐证材料 {stored}"  # type: ignore[attr-defined]
        record.save(update_fields=["evidence", "submitted_by", "submitted_at"])
    return evidence


def _ensure_departments(names: Iterable[str]) -> None:
    Department.objects.bulk_create(
        [Department(name=n) for n in names], ignore_conflicts=True, batch_size=BATCH
    )


def _store_projects(projects: list[Project], region: Region) -> None:
    """Insert or update ``region``'s ``projects`` by code and replace their milestones (a code
    is unique within its region: another region's project of the same code is another one)."""
    if not projects:
        return
    departments = dict(Department.objects.values_list("name", "id"))
    records = [
        ProjectRecord(
            region=region,
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
        unique_fields=["region", "code"],
        update_fields=_PROJECT_FIELDS,
        batch_size=BATCH,
    )
    ids = _project_ids((p.code for p in projects), region)
    MilestoneRecord.objects.filter(project_id__in=ids.values()).delete()
    MilestoneRecord.objects.bulk_create(
        [
            MilestoneRecord(project_id=ids[p.code], name=m.name, planned=m.planned)
            for p in projects
            for m in p.milestones
        ],
        batch_size=BATCH,
    )


def _project_ids(codes: Iterable[str], region: Region) -> dict[str, int]:
    """Ids of ``region``'s ``codes``, read in one query over its register (no IN list to
    outgrow)."""
    wanted = set(codes)
    rows = ProjectRecord.objects.filter(region=region).values_list("code", "id")
    return {code: pk for code, pk in rows if code in wanted}
