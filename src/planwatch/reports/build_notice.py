"""The lag notice (项目进度滞后督导通报) as a 公文 report model, so every format renders it.

The projects module decides which projects lag and groups them
(:func:`planwatch.projects_io.notice.build_notice`) and formats a row
(:func:`~planwatch.projects_io.notice.cells`); this writes the 公文 around
them (GB/T 9704-2012): 发文字号 and 主送机关 from ``official``, the summary
as the body, "一、滞后项目清单" with one "(一)" part per department and its
table (money citing the register), then 发文机关署名, 成文日期 and 抄送.
"""

from __future__ import annotations

from planwatch.core.progress import ProjectStatus
from planwatch.projects_io.notice import COLUMNS, Notice, cells
from planwatch.reports.model import Cell, Official, Report, Run, Section, Table, para

MONEY = (3, 4)  # 年度计划, 累计完成: figures of the register
CN_DIGITS = "零一二三四五六七八九"


def build_lag_notice(notice: Notice, region: str = "", official: Official | None = None) -> Report:
    """The notice: its body, then one part per department with its lagging projects."""
    body = Section("", (para(notice.summary),))
    if not notice.departments:
        parts = Section("一、滞后项目清单", (para("本月无滞后项目。"),))
    else:
        parts = Section(
            "一、滞后项目清单",
            sections=tuple(
                Section(
                    f"({chinese_ordinal(k)}){group.department}({len(group.statuses)}个)",
                    (
                        Table(
                            f"表{k} {group.department}滞后项目",
                            COLUMNS,
                            tuple(_row(s) for s in group.statuses),
                            numeric=(3, 4, 5, 6, 7),
                        ),
                    ),
                )
                for k, group in enumerate(notice.departments, start=1)
            ),
        )
    sections = [body, parts]
    if notice.unreported:
        rows = tuple(
            ((Run(s.project.code),), (Run(s.project.name),), (Run(s.project.department),))
            for s in notice.unreported
        )
        table = Table("本月未报送进度的项目", ("项目编码", "项目名称", "责任单位"), rows)
        sections.append(Section(f"二、未报送进度的项目({len(rows)}个)", (table,)))
    return Report(title=f"{region}{notice.title}", sections=tuple(sections), official=official)


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 21 → 二十一 (up to 99)."""
    tens, units = divmod(n, 10)
    if not tens:
        return CN_DIGITS[units]
    head = "十" if tens == 1 else f"{CN_DIGITS[tens]}十"
    return head + (CN_DIGITS[units] if units else "")


def _row(s: ProjectStatus) -> tuple[Cell, ...]:
    what = {3: "年度计划投资(万元)", 4: f"{s.period}累计完成投资(万元)"}
    return tuple(
        (Run(text, s.project.source, f"{s.project.name} {what[k]}"),)
        if k in MONEY
        else (Run(text),)
        for k, text in enumerate(cells(s))
    )
