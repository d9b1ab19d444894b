"""What the project, key-task and problem pages show (read only).

Every judgement comes from the core through the projects services
(``project_statuses``, ``verdicts``); this module filters, sums and groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max

from planwatch.core.as_of import end_month
from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.core.problems import Problem, State
from planwatch.core.progress import ProgressReport, ProjectStatus
from planwatch.core.projects import Category, Level, Project
from planwatch.core.tasks import Area, Task
from planwatch.services import problems as problem_service
from planwatch.services import project_register, tasks
from planwatch.services.evaluation import resolve_as_of
from planwatch.web.plan.models import Region
from planwatch.web.projects.models import (
    ProgressRecord,
    ProjectRecord,
    TaskProgressRecord,
    TaskRecord,
)


def project_period(year: str | None, as_of: str | None = None) -> Period:
    """The month projects are judged at: the month ``as_of`` (``2025-10``) ends in, or the
    month of the plan's default as-of period (:func:`planwatch.services.evaluation.resolve_as_of`
    of the first region), so the project pages judge the month the dashboard judges.

    Default year: the latest with projects (``as_of``'s when given). An
    unknown year is :class:`NotFound`; a project without a report for the
    month is 未报 (:func:`planwatch.core.progress.assess`).
    """
    chosen_as_of = Period.parse(as_of.strip()) if as_of else None
    if chosen_as_of is not None and not year:
        year = str(chosen_as_of.year)
    years = sorted(set(ProjectRecord.objects.values_list("year", flat=True)))
    if not years:
        raise NotFound("还没有载入项目清单。")
    chosen = years[-1] if not year else int(year) if year.isdigit() else -1
    if chosen not in years:
        raise NotFound(f"没有{year}年的项目清单。")
    if chosen_as_of is None:
        region = Region.objects.order_by("code").first()
        chosen_as_of = (
            Period(chosen) if region is None else resolve_as_of(region, chosen, None).period
        )
    elif chosen_as_of.year != chosen:
        raise InvalidValue(f"as_of {chosen_as_of} is not in {chosen}")
    return Period(chosen, month=end_month(chosen_as_of))


@dataclass(frozen=True)
class ProjectFilter:
    """``?category=&level=&department=&town=&lagging=1&government=1&q=`` of the project list."""

    category: str = ""
    level: str = ""
    department: str = ""
    town: str = ""
    lagging: bool = False
    q: str = ""
    government: bool = False  # 政府投资项目 only

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ProjectFilter:
        return cls(
            category=query.get("category", ""),
            level=query.get("level", ""),
            department=query.get("department", ""),
            town=query.get("town", ""),
            lagging=query.get("lagging") == "1",
            q=query.get("q", "").strip(),
            government=query.get("government") == "1",
        )

    def keeps(self, s: ProjectStatus) -> bool:
        p = s.project
        return (
            (not self.category or p.category.value == self.category)
            and (not self.level or p.level.value == self.level)
            and (not self.department or p.department == self.department)
            and (not self.town or p.town == self.town)
            and (not self.lagging or s.lagging)
            and (not self.q or self.q in p.name or self.q in p.code)
            and (not self.government or p.government)
        )


@dataclass(frozen=True)
class Totals:
    """Sums over the projects a filter keeps, in 万元."""

    count: int
    total: Decimal
    annual_plan: Decimal
    completed: Decimal
    lagging: int

    @property
    def completion(self) -> Decimal | None:
        return None if not self.annual_plan else self.completed * 100 / self.annual_plan


@dataclass(frozen=True)
class ProjectList:
    period: Period
    rows: list[ProjectStatus]
    totals: Totals
    departments: list[str]
    towns: list[str]
    categories: list[Category] = field(default_factory=lambda: list(Category))
    levels: list[Level] = field(default_factory=lambda: list(Level))


def totals_of(rows: list[ProjectStatus]) -> Totals:
    return Totals(
        count=len(rows),
        total=sum((s.project.total for s in rows), Decimal(0)),
        annual_plan=sum((s.project.annual_plan for s in rows), Decimal(0)),
        completed=sum((s.completed for s in rows), Decimal(0)),
        lagging=sum(1 for s in rows if s.lagging),
    )


def project_list(period: Period, kept: ProjectFilter) -> ProjectList:
    statuses = project_register.project_statuses(period)
    rows = sorted((s for s in statuses if kept.keeps(s)), key=lambda s: s.project.code)
    return ProjectList(
        period=period,
        rows=rows,
        totals=totals_of(rows),
        departments=sorted({s.project.department for s in statuses}),
        towns=sorted({s.project.town for s in statuses if s.project.town}),
    )


@dataclass(frozen=True)
class ProjectPage:
    status: ProjectStatus
    reports: list[ProgressReport]
    problems: list[Problem]


def project_page(code: str, period: Period) -> ProjectPage:
    status = next(
        (s for s in project_register.project_statuses(period) if s.project.code == code), None
    )
    if status is None:
        raise NotFound(f"{period.year}年没有项目 {code!r}。")
    reports = sorted(
        (r for r in project_register.reports(period.year) if r.project == code),
        key=lambda r: r.period,
    )
    linked = [p for p in problem_service.problems() if p.link == code]
    return ProjectPage(status, reports, linked)


def project_reports(project: Project) -> list[ProgressReport]:
    """``project``'s monthly reports of its year, oldest first."""
    rows = ProgressRecord.objects.filter(project__code=project.code, year=project.year)
    return [r.to_domain(project.code) for r in rows.order_by("month")]


@dataclass(frozen=True)
class TaskNode:
    task: Task
    sub_targets: list[tasks.SubTargetVerdict]


@dataclass(frozen=True)
class AreaNode:
    area: Area
    tasks: list[TaskNode]


def task_tree(year: str | None, today: date) -> tuple[Period, list[AreaNode]]:
    """The year's areas → tasks → sub-targets, judged at the latest reported quarter."""
    years = sorted(set(TaskRecord.objects.values_list("year", flat=True)))
    if not years:
        raise NotFound("还没有载入主要任务。")
    chosen = years[-1] if not year else int(year) if year.isdigit() else -1
    if chosen not in years:
        raise NotFound(f"没有{year}年的主要任务。")
    reported = TaskProgressRecord.objects.filter(year=chosen).aggregate(q=Max("quarter"))["q"]
    period = Period(chosen, quarter=reported or 4)  # the engine judges tasks by quarter
    judged = {v.sub_target.code: v for v in tasks.verdicts(period, today)}
    tree = tasks.task_tree(chosen)
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


def board(today: date) -> list[tuple[State, list[Problem]]]:
    """The problem list as columns by state, overdue first within each."""
    problems = problem_service.problems()
    return [
        (
            state,
            sorted(
                (p for p in problems if p.state is state),
                key=lambda p: (not p.is_overdue(today), p.deadline),
            ),
        )
        for state in State
    ]
