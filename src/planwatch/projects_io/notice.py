"""项目进度滞后督导通报: the lag notice of one month.

:func:`build_notice` turns assessed statuses into one notice model (lagging
projects grouped by department) and :func:`cells` formats one row; the
reports turn it into their report model, which every format renders
(:mod:`planwatch.reports.build_notice`). Which projects lag is decided by the
core (:mod:`planwatch.core.progress`), never here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from planwatch.core.observations import Period
from planwatch.core.progress import ProjectStatus
from planwatch.core.projects import to_yi

COLUMNS = (
    "项目编码",
    "项目名称",
    "类别",
    "年度计划(万元)",
    "累计完成(万元)",
    "完成率",
    "序时进度",
    "差距(百分点)",
    "逾期节点",
)


@dataclass(frozen=True)
class DepartmentLag:
    department: str
    statuses: list[ProjectStatus]


@dataclass(frozen=True)
class Notice:
    """The notice model: the month, the rule's threshold, lagging projects by department,
    and the projects that did not report for the month (未报送, not judged)."""

    period: Period
    threshold: Decimal
    assessed: int
    departments: list[DepartmentLag]
    unreported: list[ProjectStatus] = field(default_factory=list)

    @property
    def lagging(self) -> list[ProjectStatus]:
        return [s for d in self.departments for s in d.statuses]

    @property
    def title(self) -> str:
        return f"{self.period.year}年{self.period.month}月项目进度滞后督导通报"

    @property
    def summary(self) -> str:
        lagging = self.lagging
        plan = sum((s.project.annual_plan for s in lagging), Decimal(0))
        return (
            f"截至{self.period.year}年{self.period.month}月底,纳入调度的{self.assessed}个项目中,"
            f"{len(lagging)}个项目进度滞后(完成率落后序时进度超过{_number(self.threshold)}个百分点"
            f"或关键节点逾期),涉及{len(self.departments)}个责任部门,"
            f"年度计划投资合计{_number(to_yi(plan), 2)}亿元。请相关部门对照清单,"
            "逐项分析原因、制定赶超措施,确保按期完成年度目标。"
            + (
                f"另有{len(self.unreported)}个项目本月未报送进度,未作评判,请督促报送。"
                if self.unreported
                else ""
            )
        )


def build_notice(statuses: Iterable[ProjectStatus], period: Period, threshold: Decimal) -> Notice:
    """The notice for ``period``: every lagging status; departments by name, worst gap first.

    Projects without a report for ``period`` are listed apart (未报送), by code.
    """
    statuses = list(statuses)
    by_department: dict[str, list[ProjectStatus]] = {}
    for s in statuses:
        if s.lagging:
            by_department.setdefault(s.project.department, []).append(s)
    groups = [
        DepartmentLag(name, sorted(items, key=_worst_first))
        for name, items in sorted(by_department.items())
    ]
    unreported = sorted((s for s in statuses if s.not_reported), key=lambda s: s.project.code)
    return Notice(period, threshold, len(statuses), groups, unreported)


def _worst_first(s: ProjectStatus) -> tuple[Decimal, str]:
    return (-(s.gap if s.gap is not None else Decimal(0)), s.project.code)


def cells(s: ProjectStatus) -> list[str]:
    """One table row of the notice, formatted for reading."""
    return [
        s.project.code,
        s.project.name,
        s.project.category.label_zh,
        _number(s.project.annual_plan),
        _number(s.completed),
        _percent(s.completion),
        _percent(s.time_progress),
        "—" if s.gap is None else _number(s.gap, 1),
        "、".join(s.overdue) or "—",
    ]


def _number(value: Decimal, places: int = 0) -> str:
    return f"{value:,.{places}f}"


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
