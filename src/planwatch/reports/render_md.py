"""Render a report as Markdown: headings, paragraphs, pipe tables, charts as tables.

Illustrative values are marked with † and explained under the title, so no
illustrative figure reads as published.
"""

from __future__ import annotations

from planwatch.core.wording import number
from planwatch.reports.model import (
    ILLUSTRATIVE_LABEL,
    Block,
    Cell,
    Chart,
    Paragraph,
    Report,
    Run,
    Table,
)

MARK = "†"


def render_md(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [report.subtitle, ""]
    if report.has_illustrative:
        lines += [f"> {MARK} {ILLUSTRATIVE_LABEL}:演示用的示意数值,并非已发布数据。", ""]
    for section in report.sections:
        for level, s in section.walk():
            lines += [f"{'#' * (level + 1)} {s.title}", ""] if s.title else []
            for block in s.blocks:
                lines += [*_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        text = "".join(_run(r) for r in block.runs)
        return [f"**{text}**" if block.style == "lead" else text]
    if isinstance(block, Table):
        return _table(block)
    return _chart(block)


def _run(run: Run) -> str:
    text = run.text.replace("|", "\\|").replace("*", "\\*")
    return text + MARK if run.illustrative else text


def _cell(cell: Cell) -> str:
    return "".join(_run(r) for r in cell)


def _table(table: Table) -> list[str]:
    lines = [f"**{table.caption}**", "", "| " + " | ".join(table.header) + " |"]
    lines.append(
        "|"
        + "|".join("---:" if k in table.numeric else "---" for k in range(len(table.header)))
        + "|"
    )
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    if table.note:
        lines += ["", f"注:{table.note}"]
    return lines


def _chart(chart: Chart) -> list[str]:
    reference = chart.reference_label or "参考"
    lines = [f"**{chart.caption}**", "", f"| 项目 | 数值(%) | {reference}(%) |", "|---|---:|---:|"]
    for bar in chart.bars:
        ref = "—" if bar.reference is None else number(bar.reference, 1)
        lines.append(f"| {bar.label} | {number(bar.value, 1)} | {ref} |")
    return lines
