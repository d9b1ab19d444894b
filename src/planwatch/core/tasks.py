"""主要任务: the plan's key tasks as a tree, and how their sub-targets are judged.

plan year → area (方面, "(一)") → task (项, "一是") → sub-target. A
sub-target is either a quantity (青菜头种植 74万亩), judged by the one
evaluation engine as a :class:`~planwatch.core.targets.Target`, or a
milestone (开工建设重庆工贸职业学院新校区), judged done / on time / overdue.
Quarterly reports of a quantity are the department's estimate of the year
(预计) until the fourth quarter, whose report is the actual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planwatch.core.errors import InvalidValue
from planwatch.core.evaluation import Evaluation, evaluate
from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.targets import Target, TargetForm


class MilestoneState(StrEnum):
    DONE = "done"
    ON_TIME = "on_time"
    OVERDUE = "overdue"

    @property
    def label_zh(self) -> str:
        return {"done": "已完成", "on_time": "按期推进", "overdue": "逾期未完成"}[self.value]


@dataclass(frozen=True)
class Area:
    """A 方面 of the plan; ``title`` and ``source`` are empty where the report lost the heading."""

    ordinal: str
    title: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Task:
    """A 项 of an area, with its lead and cooperating departments."""

    code: str
    area: str
    ordinal: str
    title: str
    source: str
    lead: str
    cooperating: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubTarget:
    """A quantified or milestone sub-target of a task.

    A quantity has a ``target`` (its ``indicator`` field is this sub-target's
    code) and a ``measure`` (growth or level); a milestone has a ``due`` date
    and no target.
    """

    code: str
    task: str
    subject: str
    text: str
    source: str
    lead: str
    cooperating: tuple[str, ...] = ()
    target: Target | None = None
    unit: str = ""
    measure: str = "level"
    due: date | None = None

    def __post_init__(self) -> None:
        if (self.target is None) == (self.due is None):
            raise InvalidValue(f"sub-target {self.code} needs a target or a due date, not both")

    @property
    def is_milestone(self) -> bool:
        return self.target is None

    def indicator(self) -> Indicator:
        """The indicator the engine judges this quantity as."""
        if self.target is None:
            raise InvalidValue(f"sub-target {self.code} is a milestone, not a quantity")
        if self.measure == "growth":
            kind = Kind.GROWTH
        else:
            kind = Kind.SHARE if self.unit == "%" else Kind.LEVEL
        lower = self.target.form is TargetForm.AT_MOST
        return Indicator(
            code=self.code,
            name=self.subject,
            unit=self.unit,
            kind=kind,
            direction=Direction.LOWER if lower else Direction.HIGHER,
            binding=Binding.EXPECTED,
            owner=self.lead,
        )


@dataclass(frozen=True)
class TaskProgress:
    """A quarterly report on a sub-target: a value for a quantity, a date for a milestone."""

    sub_target: str
    period: Period
    value: float | None = None
    done_on: date | None = None
    note: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if self.period.quarter is None:
            raise InvalidValue(f"task progress is quarterly, not {self.period}")


@dataclass(frozen=True)
class TaskTree:
    """The key tasks of one plan year."""

    year: int
    source: str
    areas: tuple[Area, ...]
    tasks: tuple[Task, ...]
    sub_targets: tuple[SubTarget, ...]

    def tasks_of(self, area: Area) -> list[Task]:
        return [t for t in self.tasks if t.area == area.ordinal]

    def sub_targets_of(self, task: Task) -> list[SubTarget]:
        return [s for s in self.sub_targets if s.task == task.code]


def latest(reports: Iterable[TaskProgress], code: str, period: Period) -> TaskProgress | None:
    """The latest report on ``code`` in ``period``'s year up to ``period``."""
    own = [
        r
        for r in reports
        if r.sub_target == code and r.period.year == period.year and r.period <= period
    ]
    return max(own, key=lambda r: r.period, default=None)


def judge_quantity(sub: SubTarget, reports: Iterable[TaskProgress], period: Period) -> Evaluation:
    """The engine's verdict on a quantity at ``period`` (a quarter), from its latest report."""
    if sub.target is None:
        raise InvalidValue(f"sub-target {sub.code} is a milestone, not a quantity")
    report = latest(reports, sub.code, period)
    final = period.quarter == 4
    observation = None
    if report is not None and report.value is not None:
        observation = Observation(
            indicator=sub.code,
            period=report.period,
            value=report.value,
            status=Status.ACTUAL if report.period.quarter == 4 else Status.ESTIMATE,
            source=report.source,
            note=report.note,
        )
    return evaluate(sub.indicator(), sub.target, observation, year_closed=final)


def judge_milestone(sub: SubTarget, reports: Iterable[TaskProgress], today: date) -> MilestoneState:
    """Done when a report up to ``today`` gives a completion date, else on time until ``due``."""
    if sub.due is None:
        raise InvalidValue(f"sub-target {sub.code} is a quantity, not a milestone")
    done = [r.done_on for r in reports if r.sub_target == sub.code and r.done_on is not None]
    if any(d <= today for d in done):
        return MilestoneState.DONE
    return MilestoneState.ON_TIME if today <= sub.due else MilestoneState.OVERDUE
