"""Turn the project register, the task tree and project statuses into report inputs.

Typed by the shape the reports read (Protocols), not by the classes of
:mod:`planwatch.core.project_totals`, :mod:`planwatch.core.tasks` and
:mod:`planwatch.core.progress`: those objects fit as they are, and tests can
pass small fakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from planwatch.core.sentences import CategoryTotals, ProjectArrangement
from planwatch.reports.inputs import LaggingProject, Quoted, TaskArea, TaskItem

CATEGORY_ORDER = ("新开工", "续建", "完工")  # the order the plan states them; 前期 is not stated


class TotalsLike(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def total(self) -> Decimal: ...
    @property
    def annual_plan(self) -> Decimal: ...


class AreaLike(Protocol):
    @property
    def ordinal(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str: ...


class TaskLike(AreaLike, Protocol):
    @property
    def code(self) -> str: ...


class SubTargetLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...


class ProjectLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def source(self) -> str: ...


class StatusLike(Protocol):
    @property
    def project(self) -> ProjectLike: ...
    @property
    def completion(self) -> Decimal | None: ...
    @property
    def time_progress(self) -> Decimal: ...
    @property
    def lagging(self) -> bool: ...


def arrangement(
    year: int, whole: TotalsLike, by_category: Iterable[TotalsLike], *, source: str = ""
) -> ProjectArrangement:
    """Section 二(三)'s figures from the register's totals and its totals per category label."""
    groups = {g.key: g for g in by_category}
    return ProjectArrangement(
        year=year,
        count=whole.count,
        total=whole.total,
        annual_plan=whole.annual_plan,
        categories=tuple(
            CategoryTotals(label, groups[label].count, groups[label].annual_plan)
            for label in CATEGORY_ORDER
            if label in groups
        ),
        source=source,
    )


def task_areas(
    areas: Sequence[AreaLike],
    tasks_of: Callable[[AreaLike], Sequence[TaskLike]],
    sub_targets_of: Callable[[TaskLike], Sequence[SubTargetLike]],
) -> list[TaskArea]:
    """The key-task tree as areas → tasks → sub-targets, each citing its source."""
    return [
        TaskArea(
            area.ordinal,
            area.title,
            area.source,
            tuple(
                TaskItem(
                    task.ordinal,
                    task.title,
                    task.source,
                    tuple(Quoted(s.text, s.source) for s in sub_targets_of(task)),
                )
                for task in tasks_of(area)
            ),
        )
        for area in areas
    ]


def lagging_projects(statuses: Iterable[StatusLike]) -> list[LaggingProject]:
    """The lagging projects, worst gap first (a project judged by milestones alone last)."""
    rows = [
        LaggingProject(
            s.project.name,
            s.project.department,
            float(s.completion if s.completion is not None else 0),
            float(s.time_progress),
            s.project.source,
        )
        for s in statuses
        if s.lagging
    ]
    return sorted(rows, key=lambda p: p.progress - p.expected)
