"""Operations on one project: report a month's progress, change the project, read it.

:func:`report_project_progress` is the one way a monthly report is sent from
the page and the API; it reads the report with the workbook's own row reader
(:func:`planwatch.core.project_rows.read_progress`) and stores it under the
rule of every surface (:func:`planwatch.services.project_progress.write_reports`),
so a report refused in a workbook is refused here for the same reason, with
the same words. Each write checks permission first, then works in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils.translation import gettext as _

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.projects import (
    MILESTONE_NAMES,
    Category,
    Level,
    Milestone,
    Project,
    project_problems,
)
from planwatch.services import regions
from planwatch.services.project_entry import ProgressEntry, read_entry, save_evidence
from planwatch.services.project_progress import ReportsRefused, write_reports
from planwatch.web.accounts import roles
from planwatch.web.accounts.roles import (
    Role,
    can_review,
    can_write_for,
    department_of,
    require,
    role_of,
)
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.language import name_of
from planwatch.web.plan.models import Region
from planwatch.web.projects import pages
from planwatch.web.projects.models import Department, MilestoneRecord, ProjectRecord

PROJECT_FIELDS = frozenset(
    {
        "name", "category", "level", "government", "department", "unit", "leader", "town",
        "total", "annual_plan", "start", "end", "milestones",
    }
)  # fmt: skip


class ProgressRefused(InvalidField):
    """A monthly report refused, with every reason by field (``field`` is the first)."""

    def __init__(self, problems: dict[str, str]) -> None:
        field, _ = next(iter(problems.items()))
        super().__init__(field, "；".join(problems.values()))
        self.problems = problems


def report_project_progress(
    *, actor: User, code: str, entry: ProgressEntry, via: str = "web", region: str | None = None
) -> ProgressReport:
    """Store ``entry`` as project ``code``'s report of its month, in one transaction.

    The project is ``region``'s (a region code; default: see :func:`project_record`). The
    project's department of that region or the plan office only (``Forbidden``);
    ``NotFound`` for an unknown project. A month already reported is revised
    only with ``entry.reason``; a cumulative below the previous month's or
    above the annual plan needs a reason too; above the total investment is
    refused. Refusals raise :class:`ProgressRefused` naming every field
    (``month``, ``completed``, a milestone name, ``evidence``, ``reason``);
    nothing is written then. ``via`` names the channel in the report's
    source (``web:<user>``, ``api:<user>``). Every write keeps a history row.
    """
    record = record_for_entry(actor, code, region)
    project = record.to_domain()
    with transaction.atomic():
        source = f"{via}:{actor.get_username()}"
        report, problems = read_entry(project, entry, project_id=record.pk, source=source)
        if report is None:
            raise ProgressRefused(problems)
        try:
            write_reports([report], {code: project}, actor=actor, region=record.region)
        except ReportsRefused as refused:
            found: dict[str, str] = {}
            for r in refused.refusals:
                found[r.field] = "；".join(filter(None, [found.get(r.field), r.reason]))
            raise ProgressRefused(found) from None
        if entry.evidence is not None:
            save_evidence(record, report, entry.evidence)
    return report


def writable_projects(*, actor: Any) -> list[ProjectRecord]:
    """The projects of the latest year that ``actor`` may report on, in code order.

    A clerk's department's, every one for the plan office, none for leaders and
    the public; each with ``last_month``, the latest month reported (or ``None``).
    One query; milestones are not read.
    """
    role = role_of(actor)
    if role not in (Role.PLAN_OFFICE, Role.CLERK):
        return []
    latest = ProjectRecord.objects.order_by("-year").values("year")[:1]
    records = (
        ProjectRecord.objects.filter(year=latest)
        .select_related("department", "region")
        .annotate(last_month=Max("progress__month", filter=Q(progress__year=F("year"))))
    )
    if role is Role.CLERK:
        records = records.filter(department__name=department_of(actor))
    if (seen := roles.regions_of(actor)) is not None:
        records = records.filter(region_id__in=seen)
    return list(records.order_by("code"))


def may_report(actor: Any, record: ProjectRecord) -> bool:
    """Whether to offer ``actor`` the progress form of the project ``record``."""
    return can_write_for(actor, record.department.name, record.region_id)


def project_for_entry(*, actor: Any, code: str, region: str | None = None) -> Project:
    """Project ``code`` (of ``region``) if ``actor`` may report on it: ``NotFound`` or
    ``Forbidden`` else."""
    return record_for_entry(actor, code, region).to_domain()


@dataclass(frozen=True)
class ProjectDetail:
    page: pages.ProjectPage
    version: int


def project_detail(
    code: str, month: Period | None = None, *, region: str | None = None, actor: Any = None
) -> ProjectDetail:
    """The project ``code`` judged at ``month`` (default: its year's latest reported month)."""
    record = project_record(code, region, actor=actor)
    period = month or pages.project_period(str(record.year), region=record.region)
    page = pages.project_page(code, period, record.region)
    return ProjectDetail(page, history.version_of(record))


def project_record(code: str, region: str | None = None, *, actor: Any = None) -> ProjectRecord:
    """Project ``code`` of the region ``region`` (a region code), ``NotFound`` otherwise.

    Codes are unique within a region only. Without ``region``: the only project
    of that code, else the one of ``actor``'s district, else the default region's
    (:func:`planwatch.services.regions.region`). An ``actor`` of a district is
    refused (``Forbidden``) a project of another region.
    """
    records = ProjectRecord.objects.select_related("department", "region")
    found = regions.of_code(records, code, region, actor=actor)
    if found is None:
        raise NotFound(f"项目 {code} 不存在")
    seen = None if actor is None else roles.regions_of(actor)
    named = {"code": code, "region": name_of(found.region)}
    refused = _("Your district's projects only: %(code)s is a project of %(region)s.") % named
    require(seen is None or found.region_id in seen, refused)
    return found


def region_of(code: str, *, actor: Any = None) -> Region:
    """The region project ``code`` belongs to (see :func:`project_record`), or ``NotFound``."""
    return project_record(code, actor=actor).region


def change_project(
    code: str,
    *,
    actor: User,
    changes: dict[str, Any],
    version: int,
    reason: str,
    region: str | None = None,
) -> ProjectDetail:
    """Change some fields of a project at the ``version`` the actor read; the plan office only.

    ``milestones`` maps milestone names to planned dates and replaces them
    all. The changed project is checked as an imported one would be
    (:func:`planwatch.core.projects.project_problems`).
    """
    found = project_record(code, region, actor=actor)
    office = f"{found.region.name}发展改革委"
    require(can_review(actor, found.region_id), f"只有{office}可以修改项目信息。")
    unknown = sorted(set(changes) - PROJECT_FIELDS)
    if unknown:
        raise InvalidField(unknown[0], f"{unknown[0]} cannot be changed here")
    with transaction.atomic():
        record = history.locked(ProjectRecord, found.pk, version)
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
    return project_detail(code, region=found.region.code)


def record_for_entry(actor: Any, code: str, region: str | None) -> ProjectRecord:
    """Project ``code`` (of ``region``) if ``actor`` may report on it: ``NotFound`` or
    ``Forbidden`` else."""
    record = project_record(code, region, actor=actor)
    department = record.department.name
    allowed = can_write_for(actor, department, record.region_id)
    named = {"department": department, "region": name_of(record.region), "code": code}
    require(allowed, _("Only %(department)s of %(region)s reports %(code)s's progress.") % named)
    return record


def _department(name: str) -> Department:
    try:
        return Department.objects.get(name=name)
    except Department.DoesNotExist:
        raise InvalidField("department", f"未知部门「{name}」") from None
