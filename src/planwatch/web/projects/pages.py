"""What the project, key-task and problem pages show (read only).

Every judgement comes from the core through the projects services
(``project_status``, ``verdicts``); this module picks and groups. The
project list is :mod:`planwatch.web.projects.listing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max

from planwatch.core.as_of import end_month
from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.problems import Problem, State
from planwatch.core.progress import ProgressReport, ProjectStatus
from planwatch.core.projects import Project
from planwatch.core.tasks import Area, Task
from planwatch.services import problems as problem_service
from planwatch.services import project_register, regions, tasks
from planwatch.services.evaluation import as_of_period, require_in_year, resolve_as_of
from planwatch.web import kept
from planwatch.web.plan.models import Region
from planwatch.web.projects.models import (
    ProgressRecord,
    ProjectRecord,
    TaskProgressRecord,
    TaskRecord,
)


def project_period(
    year: str | None, as_of: str | None = None, region: Region | None = None
) -> Period:
    """The month ``region``'s projects are judged at (default region: the first by code): the
    month ``as_of`` (``2025-10``) ends in, or the month of the plan's default as-of period
    (:func:`planwatch.services.evaluation.resolve_as_of` of the region), so the project pages
    judge the month the dashboard judges.

    Default year: the latest with projects (``as_of``'s when given). An
    unknown year is :class:`NotFound`; a project without a report for the
    month is 未报 (:func:`planwatch.core.progress.assess`). The default as-of month is
    kept per data version (:mod:`planwatch.web.kept`): every project page asks for it.
    """
    region = region or regions.region()
    chosen_as_of = as_of_period(as_of) if as_of else None
    if chosen_as_of is not None and not year:
        year = str(chosen_as_of.year)
    held = ProjectRecord.objects.filter(region=region).order_by("year")
    years = list(held.values_list("year", flat=True).distinct())
    if not years:
        raise NotFound(f"{region.name}还没有载入项目清单。")
    chosen = years[-1] if not year else int(year) if year.isdigit() else -1
    if chosen not in years:
        raise NotFound(f"{region.name}没有{year}年的项目清单。")
    if chosen_as_of is None:
        found = kept.kept("as-of", (region.pk, chosen), lambda: resolve_as_of(region, chosen, None))
        chosen_as_of = found.period
    require_in_year(chosen_as_of, chosen)
    return Period(chosen, month=end_month(chosen_as_of))


@dataclass(frozen=True)
class ProjectPage:
    status: ProjectStatus
    reports: list[ProgressReport]
    problems: list[Problem]


def project_page(code: str, period: Period, region: Region | None = None) -> ProjectPage:
    """One project (of ``region`` when given) judged at the end of ``period``'s month: reads
    that project, its reports of the year and its problems, nothing of the others."""
    status, reports = project_register.project_status(code, period, region)
    return ProjectPage(status, reports, problem_service.problems(link=code, region=region))


def project_reports(project: Project, region: Region) -> list[ProgressReport]:
    """``project``'s (of ``region``) monthly reports of its year, oldest first."""
    rows = ProgressRecord.objects.filter(
        project__region=region, project__code=project.code, year=project.year
    )
    return [r.to_domain(project.code) for r in rows.order_by("month")]


@dataclass(frozen=True)
class TaskNode:
    task: Task
    sub_targets: list[tasks.SubTargetVerdict]


@dataclass(frozen=True)
class AreaNode:
    area: Area
    tasks: list[TaskNode]


def task_tree(
    year: str | None, today: date, region: Region | None = None
) -> tuple[Period, list[AreaNode]]:
    """The year's areas → tasks → sub-targets of ``region`` (default: the first by code),
    judged at the latest reported quarter."""
    region = region or regions.region()
    held = TaskRecord.objects.filter(region=region)
    years = sorted(set(held.values_list("year", flat=True)))
    if not years:
        raise NotFound("还没有载入主要任务。")
    chosen = years[-1] if not year else int(year) if year.isdigit() else -1
    if chosen not in years:
        raise NotFound(f"没有{year}年的主要任务。")
    progress = TaskProgressRecord.objects.filter(year=chosen, sub_target__task__region=region)
    reported = progress.aggregate(q=Max("quarter"))["q"]
    period = Period(chosen, quarter=reported or 4)  # the engine judges tasks by quarter
    tree = tasks.task_tree(chosen, region)
    judged = {v.sub_target.code: v for v in tasks.verdicts(period, today, region, tree=tree)}
    areas = [
        AreaNode(
            area,
            [
                TaskNode(task, [judged[s.code] for s in tree.sub_targets_of(task)])
                for task in tree.tasks_of(area)
            ],
        )
        for area in tree.areas
    ]
    return period, areas


def board(
    today: date, region: Region | None = None, *, state: str = "", overdue: bool = False
) -> list[tuple[State, list[Problem]]]:
    """``region``'s problem list (default: the first region's) as columns by state, overdue
    first within each; ``state`` (a value of :class:`State`) keeps its column only,
    ``overdue`` the problems past their deadline only (as the dashboard counts them)."""
    problems = problem_service.problems(region=region or regions.region())
    kept = [
        p
        for p in problems
        if (not state or p.state.value == state) and (not overdue or p.is_overdue(today))
    ]
    return [
        (
            column,
            sorted(
                (p for p in kept if p.state is column),
                key=lambda p: (not p.is_overdue(today), p.deadline),
            ),
        )
        for column in State
        if not state or column.value == state
    ]
