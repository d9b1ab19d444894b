"""Turn the project register, the task tree and project statuses into report inputs.

Typed by the shape the reports read (Protocols), not by the classes of
:mod:`planwatch.core.project_totals`, :mod:`planwatch.core.tasks` and
:mod:`planwatch.core.progress`: those objects fit as they are, and tests can
pass small fakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from planwatch.core.evaluation import Evaluation
from planwatch.core.report_text import Figure, reported
from planwatch.core.sentences import CategoryTotals, ProjectArrangement
from planwatch.core.wording import quantity
from planwatch.reports.inputs import LaggingProject, OverdueProblem, Quoted, TaskArea, TaskItem

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
                    code=task.code,
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


class VerdictLike(Protocol):
    """A sub-target judged: an evaluation for a quantity, a milestone state otherwise."""

    @property
    def sub_target(self) -> Any: ...
    @property
    def evaluation(self) -> Evaluation | None: ...
    @property
    def milestone(self) -> Any: ...


def with_results(areas: Sequence[TaskArea], verdicts: Iterable[VerdictLike]) -> list[TaskArea]:
    """The key tasks with each sub-target's result, as the year's review states them.

    A quantity reads "力争规上工业产值突破3000亿元:预计2957.91亿元,低于预期"
    (citing the department's report); a milestone "…:已完成".
    """
    results: dict[str, list[tuple[Quoted, ...]]] = {}
    figures: dict[str, list[tuple[str, Figure]]] = {}
    for v in verdicts:
        results.setdefault(v.sub_target.task, []).append(_result(v))
        figure = _figure(v)
        if figure is not None:
            figures.setdefault(v.sub_target.task, []).append((v.sub_target.code, figure))
    return [
        replace(
            area,
            tasks=tuple(
                replace(
                    t,
                    results=tuple(results.get(t.code, ())),
                    figures=tuple(figures.get(t.code, ())),
                )
                for t in area.tasks
            ),
        )
        for area in areas
    ]


def _figure(v: VerdictLike) -> Figure | None:
    """A quantity's result as the draft text cites it ({1-1-1}); ``None`` for a milestone."""
    e = v.evaluation
    if e is None or e.observation is None:
        return None
    obs = e.observation
    unit = "%" if e.indicator.kind.is_rate else e.indicator.unit
    words, verb = reported(obs.note, obs.value, unit)
    if not verb:
        verb = "增长" if v.sub_target.measure == "growth" else "达" if unit == "%" else ""
    return Figure(obs.value, unit, obs.source, v.sub_target.subject, words, verb)


def _result(v: VerdictLike) -> tuple[Quoted, ...]:
    """The sub-target citing the plan, then its outcome citing the report of it."""
    sub, e = v.sub_target, v.evaluation
    if e is None:
        return (Quoted(f"{sub.text}:{v.milestone.label_zh}", sub.source),)
    obs = e.observation
    if obs is None:
        return (Quoted(f"{sub.text}:暂无数据", sub.source),)
    status = "预计" if e.is_estimate else ""
    unit = "%" if e.indicator.kind.is_rate else e.indicator.unit
    value = quantity(obs.value, unit)
    return Quoted(sub.text, sub.source), Quoted(
        f":{status}{value},{e.verdict.label_zh}", obs.source
    )


class ProblemLike(Protocol):
    @property
    def description(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def deadline(self) -> date: ...


def overdue_rows(problems: Iterable[ProblemLike], today: date) -> list[OverdueProblem]:
    """Overdue problems (already selected by the problem list) as rows, days late on ``today``."""
    return [
        OverdueProblem(
            p.description, p.department, p.deadline.isoformat(), (today - p.deadline).days
        )
        for p in problems
    ]
