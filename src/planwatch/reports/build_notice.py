"""The lag notice (项目进度滞后督导通报) as a report model, so every format renders it.

The projects module decides which projects lag and groups them
(:func:`planwatch.projects_io.notice.build_notice`) and formats a row
(:func:`~planwatch.projects_io.notice.cells`); this writes the summary and
one numbered section per department with its table, money citing the
register.
"""

from __future__ import annotations

from planwatch.core.progress import ProjectStatus
from planwatch.projects_io.notice import COLUMNS, Notice, cells
from planwatch.reports.model import Cell, Report, Run, Section, Table, para

MONEY = (3, 4)  # 年度计划, 累计完成: figures of the register


def build_lag_notice(notice: Notice, region: str = "") -> Report:
    """The notice: its summary, one numbered section per department, then the unreported."""
    sections = [Section("通报情况", (para(notice.summary),))]
    if not notice.departments:
        sections.append(Section("滞后项目", (para("本月无滞后项目。"),)))
    for k, group in enumerate(notice.departments, start=1):
        title = f"{k}. {group.department}({len(group.statuses)}个)"
        rows = tuple(_row(s) for s in group.statuses)
        table = Table(f"表{k} {group.department}滞后项目", COLUMNS, rows, numeric=(3, 4, 5, 6, 7))
        sections.append(Section(title, (table,)))
    if notice.unreported:
        rows = tuple(
            ((Run(s.project.code),), (Run(s.project.name),), (Run(s.project.department),))
            for s in notice.unreported
        )
        table = Table("本月未报送进度的项目", ("项目编码", "项目名称", "责任单位"), rows)
        sections.append(Section(f"未报送项目({len(rows)}个)", (table,)))
    return Report(title=f"{region}{notice.title}", sections=tuple(sections))


def _row(s: ProjectStatus) -> tuple[Cell, ...]:
    what = {3: "年度计划投资(万元)", 4: f"{s.period}累计完成投资(万元)"}
    return tuple(
        (Run(text, s.project.source, f"{s.project.name} {what[k]}"),)
        if k in MONEY
        else (Run(text),)
        for k, text in enumerate(cells(s))
    )
