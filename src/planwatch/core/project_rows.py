"""Rows of a project register or a progress sheet → projects and reports, or every problem.

One reader serves the demo CSV files and the clerks' Excel workbooks: a row is
a mapping from field name to a cell value (text from CSV; numbers and dates
from Excel). :func:`read_projects` and :func:`read_progress` are
all-or-nothing: they return the records only when the problem list is empty,
and the list names every bad row, field and reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from planwatch.core.errors import InvalidValue, PlanwatchError
from planwatch.core.observations import Period
from planwatch.core.progress import Evidence, ProgressReport, month_end
from planwatch.core.progress_rules import wan
from planwatch.core.projects import (
    MILESTONE_NAMES,
    Category,
    Level,
    Milestone,
    Project,
    duplicate_codes,
    project_problems,
)

Row = Mapping[str, object]
T = TypeVar("T")

# field → header of the clerk's template, in column order
PROJECT_FIELDS = {
    "code": "项目编码",
    "name": "项目名称",
    "year": "年度",
    "category": "项目类别",
    "level": "项目级别",
    "government": "政府投资",
    "department": "责任部门",
    "unit": "业主单位",
    "leader": "责任领导",
    "town": "所在镇街",
    "total": "总投资(万元)",
    "annual_plan": "年度计划投资(万元)",
    "start": "建设期起",
    "end": "建设期止",
    **{name: f"{name}节点计划日期" for name in MILESTONE_NAMES},
    "source": "数据来源",
}
PROGRESS_FIELDS = {
    "project": "项目编码",
    "month": "月份",
    "completed": "本年累计完成投资(万元)",
    **{name: f"{name}节点实际日期" for name in MILESTONE_NAMES},
    "narrative": "进展情况",
    "evidence": "佐证材料",
    "reason": "修改原因",
    "source": "数据来源",
}
OPTIONAL_FIELDS = frozenset({"reason"})  # a column files written before it may lack


@dataclass(frozen=True)
class RowProblem:
    """Why one row was rejected: its number (as the file counts it), the field and the reason."""

    row: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.field}: {self.reason}"


class _Cells:
    """Typed access to one row's cells, collecting a problem for each bad cell."""

    def __init__(self, row: Row, number: int, problems: list[RowProblem]) -> None:
        self.row, self.number, self.problems = row, number, problems

    def fail(self, field: str, reason: str) -> None:
        self.problems.append(RowProblem(self.number, field, reason))

    def text(self, field: str) -> str:
        value = self.row.get(field)
        return "" if value is None else str(value).strip()

    def money(self, field: str) -> Decimal:
        value = self.row.get(field)
        try:
            if isinstance(value, float | int):
                return Decimal(str(value))
            return Decimal(self.text(field).replace(",", ""))
        except InvalidOperation:
            self.fail(field, f"「{self.text(field)}」不是金额")
            return Decimal(0)

    def day(self, field: str, *, required: bool = True) -> date | None:
        value = self.row.get(field)
        if value is None and not required:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = self.text(field)
        if not text and not required:
            return None
        try:
            return date.fromisoformat(text.replace("/", "-"))
        except ValueError:
            self.fail(field, f"「{text}」不是日期(如 2025-03-01)")
            return None

    def month(self, field: str) -> Period | None:
        value = self.row.get(field)
        if isinstance(value, date):
            return Period(value.year, month=value.month)
        try:
            period = Period.parse(self.text(field))
        except PlanwatchError as exc:
            self.fail(field, exc.message)
            return None
        if period.month is None:
            self.fail(field, f"「{period}」不是月份(如 2025-06)")
            return None
        return period

    def choice(self, field: str, parse: Callable[[str], T]) -> T | None:
        try:
            return parse(self.text(field))
        except PlanwatchError as exc:
            self.fail(field, exc.message)
            return None


def read_projects(
    rows: Iterable[tuple[int, Row]], *, departments: Iterable[str]
) -> tuple[list[Project], list[RowProblem]]:
    """Projects from numbered rows, checked one by one and for duplicate codes.

    Returns ``(projects, [])`` or ``([], problems)``: never part of a register.
    """
    known = set(departments)
    projects: list[tuple[int, Project]] = []
    problems: list[RowProblem] = []
    for number, row in rows:
        project = _project(_Cells(row, number, problems), known)
        if project is not None:
            projects.append((number, project))
    duplicates = duplicate_codes(p for _, p in projects)
    problems += [
        RowProblem(n, "code", f"项目编码 {p.code} 重复")
        for n, p in projects
        if p.code in duplicates
    ]
    if problems:
        return [], sorted(problems, key=lambda p: p.row)  # stable: fields keep column order
    return [p for _, p in projects], []


def _project(cells: _Cells, departments: set[str]) -> Project | None:
    before = len(cells.problems)
    year = cells.text("year")
    if not year.isdigit():
        cells.fail("year", f"「{year}」不是年度")
    category = cells.choice("category", Category.from_label)
    level = cells.choice("level", Level.from_label)
    government = cells.choice("government", _yes_no)
    total, annual = cells.money("total"), cells.money("annual_plan")
    start, end = cells.day("start"), cells.day("end")
    planned = {name: cells.day(name, required=False) for name in MILESTONE_NAMES}
    if len(cells.problems) > before:
        return None
    assert category and level and government is not None and start and end
    project = Project(
        code=cells.text("code"),
        name=cells.text("name"),
        year=int(year),
        category=category,
        level=level,
        department=cells.text("department"),
        unit=cells.text("unit"),
        leader=cells.text("leader"),
        town=cells.text("town"),
        total=total,
        annual_plan=annual,
        start=start,
        end=end,
        government=government,
        milestones=tuple(Milestone(n, d) for n, d in planned.items() if d is not None),
        source=cells.text("source"),
    )
    for field, reason in project_problems(project, departments=departments):
        cells.fail(field, reason)
    return None if len(cells.problems) > before else project


def read_progress(
    rows: Iterable[tuple[int, Row]], *, projects: Iterable[Project]
) -> tuple[list[ProgressReport], list[RowProblem]]:
    """Monthly reports from numbered rows, all-or-nothing like :func:`read_projects`.

    A report must name a project of ``projects``, fall in its year, be the
    only one of its project and month, and date no milestone after its month.
    """
    by_code = {p.code: p for p in projects}
    reports: list[ProgressReport] = []
    problems: list[RowProblem] = []
    seen: set[tuple[str, Period]] = set()
    for number, row in rows:
        cells = _Cells(row, number, problems)
        report = _report(cells, by_code)
        if report is None:
            continue
        key = (report.project, report.period)
        if key in seen:
            cells.fail("month", f"{report.project} 的 {report.period} 进度重复")
        seen.add(key)
        reports.append(report)
    if problems:
        return [], problems
    return reports, []


def _report(cells: _Cells, projects: dict[str, Project]) -> ProgressReport | None:
    before = len(cells.problems)
    code = cells.text("project")
    project = projects.get(code)
    if project is None:
        cells.fail("project", f"未知项目编码「{code}」")
    period = cells.month("month")
    if project is not None and period is not None and period.year != project.year:
        cells.fail("month", f"{period} 不在项目年度 {project.year}")
    completed = cells.money("completed")
    if completed < 0:
        cells.fail("completed", f"完成投资为负数 ({wan(completed)})")
    reached = {name: cells.day(name, required=False) for name in MILESTONE_NAMES}
    if project is not None and period is not None and period.year == project.year:
        end = month_end(period)
        for name, day in reached.items():
            if day is not None and day > end:
                cells.fail(name, f"实际日期 {day} 晚于 {period} 月末")
    evidence = cells.choice("evidence", _evidence)
    if len(cells.problems) > before:
        return None
    assert period is not None and evidence is not None
    return ProgressReport(
        project=code,
        period=period,
        completed=completed,
        reached={n: d for n, d in reached.items() if d is not None},
        narrative=cells.text("narrative"),
        evidence=evidence,
        source=cells.text("source"),
        reason=cells.text("reason"),
    )


def _yes_no(text: str) -> bool:
    if text in ("是", "true", "1", "yes"):
        return True
    if text in ("否", "false", "0", "no"):
        return False
    raise InvalidValue(f"「{text}」应为 是 或 否")


def _evidence(text: str) -> tuple[Evidence, ...]:
    """``name|content-type|bytes`` items separated by ``;``."""
    items = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        name, content_type, size = [*item.split("|"), "", ""][:3]
        if not size.isdigit():
            raise InvalidValue(f"佐证材料「{item}」应写作 文件名|类型|字节数")
        items.append(Evidence(name, content_type, int(size)))
    return tuple(items)
