"""Use cases on one project of the register: read it, report a month, change its fields.

The workbook import (:func:`planwatch.web.projects.services.import_workbook`)
and these functions check a report with the same core row reader, so a
report refused in a workbook is refused here for the same reason. Each
write checks permission first, then works in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.projects import MILESTONE_NAMES, Category, Level, Milestone, project_problems
from planwatch.web.accounts.roles import can_review, can_write_for, require
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Conflict
from planwatch.web.projects import pages
from planwatch.web.projects.models import (
    Department,
    MilestoneRecord,
    ProgressRecord,
    ProjectRecord,
)
from planwatch.web.projects.progress_services import ProgressEntry, record_progress

PROJECT_FIELDS = frozenset(
    {
        "name", "category", "level", "government", "department", "unit", "leader", "town",
        "total", "annual_plan", "start", "end", "milestones",
    }
)  # fmt: skip


@dataclass(frozen=True)
class ProjectDetail:
    page: pages.ProjectPage
    version: int


def project_detail(code: str, month: Period | None = None) -> ProjectDetail:
    """The project ``code`` judged at ``month`` (default: its year's latest reported month)."""
    record = _record(code)
    period = month or pages.project_period(str(record.year))
    return ProjectDetail(pages.project_page(code, period), history.version_of(record))


def report_progress(
    code: str,
    *,
    actor: User,
    month: Period,
    completed: Decimal,
    reached: dict[str, date],
    narrative: str = "",
) -> ProgressReport:
    """Store ``code``'s report of ``month``; the owning department's clerk or the plan office.

    Refused as the workbook import refuses a row (negative investment, a month
    outside the project's year, a milestone reached after the month: field
    ``reached``), and with ``Conflict`` when the month already has a report: a
    report is corrected through a workbook, not sent twice. Stored by the
    page's own service, :func:`~planwatch.web.projects.progress_services.record_progress`.
    """
    entry = ProgressEntry(
        str(month), completed, {name: reached.get(name) for name in MILESTONE_NAMES}, narrative
    )
    with transaction.atomic():
        record = _record(code, lock=True)
        department = record.department.name
        require(can_write_for(actor, department), f"只有{department}可以报送 {code} 的进度。")
        if ProgressRecord.objects.filter(
            project=record, year=month.year, month=month.month
        ).exists():
            raise Conflict(f"{code} 已有 {month} 的进度报告")
        try:
            return record_progress(actor=actor, code=code, entry=entry, via="api")
        except InvalidField as refused:
            if refused.field in MILESTONE_NAMES:
                raise InvalidField("reached", refused.message) from None
            raise


def change_project(
    code: str, *, actor: User, changes: dict[str, Any], version: int, reason: str
) -> ProjectDetail:
    """Change some fields of a project at the ``version`` the actor read; the plan office only.

    ``milestones`` maps milestone names to planned dates and replaces them
    all. The changed project is checked as an imported one would be
    (:func:`planwatch.core.projects.project_problems`).
    """
    require(can_review(actor), "只有发展改革委可以修改项目信息。")
    unknown = sorted(set(changes) - PROJECT_FIELDS)
    if unknown:
        raise InvalidField(unknown[0], f"{unknown[0]} cannot be changed here")
    with transaction.atomic():
        record = history.locked(ProjectRecord, _record(code).pk, version)
        fields = dict(changes)
        milestones = fields.pop("milestones", None)
        department = fields.pop("department", None)
        if department is not None:
            record.department = _department(department)
        for field, value in fields.items():
            setattr(record, field, value.value if isinstance(value, Category | Level) else value)
        project = record.to_domain()
        if milestones is not None:
            planned = tuple(Milestone(name, day) for name, day in milestones.items())
            project = replace(project, milestones=planned)
        departments = Department.objects.values_list("name", flat=True)
        problems = project_problems(project, departments=departments)
        if problems:
            field, message = problems[0]
            raise InvalidField("milestones" if field in MILESTONE_NAMES else field, message)
        history.save(record, actor=actor, reason=history.reason_required(reason))
        if milestones is not None:
            record.milestones.all().delete()
            MilestoneRecord.objects.bulk_create(
                [MilestoneRecord(project=record, name=m.name, planned=m.planned) for m in planned]
            )
    return project_detail(code)


def _record(code: str, *, lock: bool = False) -> ProjectRecord:
    records = ProjectRecord.objects.select_related("department")
    try:
        return (records.select_for_update(of=("self",)) if lock else records).get(code=code)
    except ProjectRecord.DoesNotExist:
        raise NotFound(f"没有项目 {code!r}。") from None


def _department(name: str) -> Department:
    try:
        return Department.objects.get(name=name)
    except Department.DoesNotExist:
        raise InvalidField("department", f"未知部门「{name}」") from None
