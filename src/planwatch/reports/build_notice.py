"""The lag notice (项目进度滞后督导通报) as a report model, so every format renders it.

Takes the notice the projects module builds (``planwatch.projects_io.notice.Notice``:
title, summary, lagging statuses grouped by department) by its shape, and
writes one section per department with the table of its lagging projects.
Which projects lag is decided by the core, never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from planwatch.core.wording import number
from planwatch.reports.model import Cell, Report, Run, Section, Table, para

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


class Labelled(Protocol):
    @property
    def label_zh(self) -> str: ...


class NoticeProject(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> Labelled: ...
    @property
    def annual_plan(self) -> Decimal: ...
    @property
    def source(self) -> str: ...


class NoticeStatus(Protocol):
    @property
    def project(self) -> NoticeProject: ...
    @property
    def completed(self) -> Decimal: ...
    @property
    def completion(self) -> Decimal | None: ...
    @property
    def time_progress(self) -> Decimal: ...
    @property
    def gap(self) -> Decimal | None: ...
    @property
    def overdue(self) -> tuple[str, ...]: ...


class DepartmentGroup(Protocol):
    @property
    def department(self) -> str: ...
    @property
    def statuses(self) -> Sequence[NoticeStatus]: ...


class NoticeLike(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def departments(self) -> Sequence[DepartmentGroup]: ...


def build_notice(notice: NoticeLike, region: str = "") -> Report:
    """The notice: its summary, then one numbered section per department."""
    sections = [Section("通报情况", (para(notice.summary),))]
    if not notice.departments:
        sections.append(Section("滞后项目", (para("本月无滞后项目。"),)))
    for k, group in enumerate(notice.departments, start=1):
        title = f"{k}. {group.department}({len(group.statuses)}个)"
        rows = tuple(_row(s) for s in group.statuses)
        table = Table(f"表{k} {group.department}滞后项目", COLUMNS, rows, numeric=(3, 4, 5, 6, 7))
        sections.append(Section(title, (table,)))
    return Report(title=f"{region}{notice.title}", sections=tuple(sections))


def _row(s: NoticeStatus) -> tuple[Cell, ...]:
    p = s.project
    about = f"{p.name} 累计完成投资"
    return (
        (Run(p.code),),
        (Run(p.name),),
        (Run(p.category.label_zh),),
        (Run(number(p.annual_plan, 0), p.source, f"{p.name} 年度计划投资"),),
        (Run(number(s.completed, 0), p.source, about),),
        (Run("—" if s.completion is None else f"{s.completion:.1f}%"),),
        (Run(f"{s.time_progress:.1f}%"),),
        (Run("—" if s.gap is None else f"{s.gap:.1f}"),),
        (Run("、".join(s.overdue) or "—"),),
    )
