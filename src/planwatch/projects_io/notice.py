"""项目进度滞后督导通报: the lag notice of one month, as Markdown and DOCX.

:func:`build_notice` turns assessed statuses into one notice model (lagging
projects grouped by department); each format is a small renderer of that
model. Which projects lag is decided by the core (:mod:`planwatch.core.progress`),
never here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx import Document

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
    """The notice model: the month, the rule's threshold, and lagging projects by department."""

    period: Period
    threshold: Decimal
    assessed: int
    departments: list[DepartmentLag]

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
        )


def build_notice(statuses: Iterable[ProjectStatus], period: Period, threshold: Decimal) -> Notice:
    """The notice for ``period``: every lagging status; departments by name, worst gap first."""
    statuses = list(statuses)
    by_department: dict[str, list[ProjectStatus]] = {}
    for s in statuses:
        if s.lagging:
            by_department.setdefault(s.project.department, []).append(s)
    groups = [
        DepartmentLag(name, sorted(items, key=_worst_first))
        for name, items in sorted(by_department.items())
    ]
    return Notice(period, threshold, len(statuses), groups)


def _worst_first(s: ProjectStatus) -> tuple[Decimal, str]:
    return (-(s.gap if s.gap is not None else Decimal(0)), s.project.code)


def cells(s: ProjectStatus) -> list[str]:
    """One table row of the notice, formatted for reading."""
    return [
        s.project.code,
        s.project.name if s.reported else f"{s.project.name}(本月未报送)",
        s.project.category.label_zh,
        _number(s.project.annual_plan),
        _number(s.completed),
        _percent(s.completion),
        _percent(s.time_progress),
        "—" if s.gap is None else _number(s.gap, 1),
        "、".join(s.overdue) or "—",
    ]


def to_markdown(notice: Notice) -> str:
    lines = [f"# {notice.title}", "", notice.summary, ""]
    if not notice.departments:
        lines.append("本月无滞后项目。")
    for number, group in enumerate(notice.departments, start=1):
        lines += [f"## {number}. {group.department}({len(group.statuses)}个)", ""]
        lines.append("| " + " | ".join(COLUMNS) + " |")
        lines.append("|" + "---|" * len(COLUMNS))
        lines += ["| " + " | ".join(cells(s)) + " |" for s in group.statuses]
        lines.append("")
    return "\n".join(lines)


def write_docx(notice: Notice, path: Path) -> None:
    document = Document()
    document.add_heading(notice.title, level=1)
    document.add_paragraph(notice.summary)
    if not notice.departments:
        document.add_paragraph("本月无滞后项目。")
    for number, group in enumerate(notice.departments, start=1):
        document.add_heading(f"{number}. {group.department}({len(group.statuses)}个)", level=2)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell.text = text
        for s in group.statuses:
            for cell, text in zip(table.add_row().cells, cells(s), strict=True):
                cell.text = text
    document.save(str(path))


def _number(value: Decimal, places: int = 0) -> str:
    return f"{value:,.{places}f}"


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
