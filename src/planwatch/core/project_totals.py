"""Counts and sums of the project register, grouped as the plan reports them.

Sums are exact Decimals in 万元, so the groups of a register always add up to
its total to the last 万元.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from planwatch.core.progress import ProjectStatus
from planwatch.core.projects import Project

GROUPINGS: dict[str, Callable[[Project], str]] = {
    "category": lambda p: p.category.label_zh,
    "level": lambda p: p.level.label_zh,
    "department": lambda p: p.department,
    "town": lambda p: p.town,
}


@dataclass(frozen=True)
class Totals:
    """One group of projects: how many, their total and annual planned investment (万元).

    ``completed`` and ``lagging`` are filled when the totals come from
    assessed statuses, and are zero otherwise.
    """

    key: str
    count: int
    total: Decimal
    annual_plan: Decimal
    completed: Decimal = Decimal(0)
    lagging: int = 0

    @property
    def completion(self) -> Decimal | None:
        """Completed ÷ annual plan, in percent; ``None`` without a plan."""
        return None if self.annual_plan == 0 else self.completed * 100 / self.annual_plan


def totals(projects: Iterable[Project], key: str = "") -> Totals:
    """The count and sums of ``projects``, labelled ``key``."""
    items = list(projects)
    return Totals(
        key=key,
        count=len(items),
        total=sum((p.total for p in items), Decimal(0)),
        annual_plan=sum((p.annual_plan for p in items), Decimal(0)),
    )


def group_totals(projects: Iterable[Project], by: str) -> list[Totals]:
    """:func:`totals` per group ``by`` category, level, department or town, in first-seen order."""
    groups: dict[str, list[Project]] = {}
    for p in projects:
        groups.setdefault(GROUPINGS[by](p), []).append(p)
    return [totals(items, key) for key, items in groups.items()]


def status_totals(statuses: Iterable[ProjectStatus], by: str) -> list[Totals]:
    """Like :func:`group_totals`, with completed investment and the count of lagging projects."""
    groups: dict[str, list[ProjectStatus]] = {}
    for s in statuses:
        groups.setdefault(GROUPINGS[by](s.project), []).append(s)
    return [
        replace(
            totals((s.project for s in items), key),
            completed=sum((s.completed for s in items), Decimal(0)),
            lagging=sum(1 for s in items if s.lagging),
        )
        for key, items in groups.items()
    ]
