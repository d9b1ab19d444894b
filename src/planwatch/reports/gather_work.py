"""Gather the year's work for the reports: project register, key tasks, problem list.

Through the read services (:mod:`planwatch.services.reading`); each function
returns ``None`` when the database holds nothing of that kind for the year
(of the region given; every region's without one),
so the report says 暂无数据.
"""

from __future__ import annotations

from datetime import date

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.project_totals import group_totals, totals
from planwatch.core.projects import Level
from planwatch.core.sentences import ProjectArrangement
from planwatch.reports.adapters import (
    arrangement,
    lagging_projects,
    overdue_rows,
    task_areas,
    with_results,
)
from planwatch.reports.inputs import KeyProject, LaggingProject, OverdueProblem, TaskArea
from planwatch.reports.model import NOT_PUBLISHED
from planwatch.services import reading


def project_arrangement(year: int, region: str | None = None) -> ProjectArrangement | None:
    """二(三): the government investment projects of ``year``'s register."""
    projects = [p for p in reading.register(year, region) if p.government]
    if not projects:
        return None
    sources = {p.source for p in projects}
    source = "synthetic" if sources <= NOT_PUBLISHED else ",".join(sorted(sources))
    return arrangement(year, totals(projects), group_totals(projects, "category"), source=source)


def key_projects(year: int, region: str | None = None) -> list[KeyProject] | None:
    """专栏5: ``year``'s 区级重点项目 of the register, in code order."""
    projects = [p for p in reading.register(year, region) if p.level is Level.DISTRICT_KEY]
    if not projects:
        return None
    return [
        KeyProject(
            p.name,
            p.category.label_zh,
            p.department,
            float(p.total),
            float(p.annual_plan),
            p.source,
        )
        for p in projects
    ]


def key_tasks(year: int, region: str | None = None) -> list[TaskArea] | None:
    """三: ``year``'s key tasks, areas → tasks → sub-targets."""
    try:
        tree = reading.task_tree(year, region)
    except NotFound:
        return None
    return task_areas(tree.areas, tree.tasks_of, tree.sub_targets_of)


def review(year: int, region: str | None = None) -> list[TaskArea] | None:
    """一's review: ``year``'s key tasks with each sub-target judged at the year's end."""
    areas = key_tasks(year, region)
    if areas is None:
        return None
    verdicts = reading.task_verdicts(Period(year, quarter=4), date(year, 12, 31), region)
    return with_results(areas, verdicts)


def lagging(year: int, month: int, region: str | None = None) -> list[LaggingProject] | None:
    """Projects behind time progress at the end of ``month``; ``None`` without a register."""
    statuses = reading.project_statuses(Period(year, month=month), region)
    return lagging_projects(statuses) if statuses else None


def overdue(today: date, region: str | None = None) -> list[OverdueProblem] | None:
    """Problems past their deadline on ``today``; ``None`` without a problem list."""
    if not reading.problems(region):
        return None
    return overdue_rows(reading.overdue_problems(today, region), today)
