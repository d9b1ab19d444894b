"""Standings of towns and departments: who is ahead and who lags, on projects and on reporting.

On projects, a group (a town 乡镇街道 or a department) is ranked by its
completion rate (completed ÷ annual plan of its projects, in %) against 序时进度,
then by fewer lagging projects; a group without an annual plan ranks last.
On submissions, a department is ranked by its on-time rate (values submitted by
the due date among those already due), then by fewer missing and fewer late.
Equal groups share a rank and the next rank skips (1, 2, 2, 4); names break
the order of the list, never the rank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TypeVar

from planwatch.core.progress import ProjectStatus
from planwatch.core.projects import Project

S = TypeVar("S", "ProjectStanding", "Timeliness")
UNNAMED = "(未注明)"  # a project without a town, a value without a department


@dataclass(frozen=True)
class ProjectStanding:
    name: str
    projects: int
    annual_plan: Decimal
    completed: Decimal
    lagging: int
    not_reported: int
    time_progress: Decimal  # the same for every group of one month, in %
    rank: int = 0

    @property
    def completion(self) -> Decimal | None:
        """Completed ÷ annual plan, in %; None without an annual plan."""
        return None if not self.annual_plan else self.completed * 100 / self.annual_plan

    @property
    def gap(self) -> Decimal | None:
        """Points ahead of time progress (negative: behind); None without an annual plan."""
        completion = self.completion
        return None if completion is None else completion - self.time_progress

    def order(self) -> tuple[bool, Decimal, int]:
        completion = self.completion
        return completion is None, -(completion or Decimal(0)), self.lagging


@dataclass(frozen=True)
class Counts:
    """One department's reporting in one month (or any span), as the compliance table counts."""

    department: str
    owed: int
    on_time: int
    late: int
    missing: int
    pending: int


@dataclass(frozen=True)
class Timeliness:
    name: str
    owed: int
    on_time: int
    late: int
    missing: int
    pending: int
    rank: int = 0

    @property
    def due(self) -> int:
        return self.owed - self.pending

    @property
    def on_time_rate(self) -> float | None:
        """On-time values among those already due, in %; None while none is due."""
        return None if self.due <= 0 else 100 * self.on_time / self.due

    def order(self) -> tuple[bool, float, int, int]:
        rate = self.on_time_rate
        return rate is None, -(rate or 0.0), self.missing, self.late


def by_town(project: Project) -> str:
    return project.town


def by_department(project: Project) -> str:
    return project.department


def project_standings(
    statuses: Iterable[ProjectStatus], group: Callable[[Project], str]
) -> list[ProjectStanding]:
    """The ranked groups of ``statuses`` (one month's judgement), grouped by ``group``."""
    found: dict[str, ProjectStanding] = {}
    for s in statuses:
        name = group(s.project).strip() or UNNAMED
        known = found.get(name) or ProjectStanding(
            name, 0, Decimal(0), Decimal(0), 0, 0, s.time_progress
        )
        found[name] = replace(
            known,
            projects=known.projects + 1,
            annual_plan=known.annual_plan + s.project.annual_plan,
            completed=known.completed + s.completed,
            lagging=known.lagging + s.lagging,
            not_reported=known.not_reported + s.not_reported,
        )
    return ranked(list(found.values()))


def submission_standings(counts: Iterable[Counts]) -> list[Timeliness]:
    """The ranked departments of ``counts``, summed over the months given."""
    found: dict[str, Timeliness] = {}
    for c in counts:
        name = c.department.strip() or UNNAMED
        known = found.get(name) or Timeliness(name, 0, 0, 0, 0, 0)
        found[name] = replace(
            known,
            owed=known.owed + c.owed,
            on_time=known.on_time + c.on_time,
            late=known.late + c.late,
            missing=known.missing + c.missing,
            pending=known.pending + c.pending,
        )
    return ranked(list(found.values()))


def ranked(groups: Sequence[S]) -> list[S]:
    """``groups`` best first with their competition rank (ties share it: 1, 2, 2, 4)."""
    ordered = sorted(groups, key=lambda g: (g.order(), g.name))
    result: list[S] = []
    for position, group in enumerate(ordered, start=1):
        tied = result and result[-1].order() == group.order()
        result.append(replace(group, rank=result[-1].rank if tied else position))
    return result
