"""Render a report as Markdown: headings, paragraphs, pipe tables, charts as tables.

Illustrative values are marked with † and explained under the title, so no
illustrative figure reads as published. Every text from the data (indicator
names, target texts, notes) passes :func:`escape`: a Markdown viewer shows
``<script>`` as text and never renders markup typed into a name.
"""

from __future__ import annotations

import html
import re

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
_MARKUP = re.compile(r"([\\`*_\[\]|#!])")


def escape(text: str) -> str:
    """``text`` as literal Markdown: HTML characters as entities, Markdown signs backslashed."""
    return _MARKUP.sub(r"\\\1", html.escape(text, quote=False))


def render_md(report: Report) -> str:
    lines = [f"# {escape(report.title)}", ""]
    if report.subtitle:
        lines += [escape(report.subtitle), ""]
    if report.has_illustrative:
        lines += [f"> {MARK} {ILLUSTRATIVE_LABEL}:演示用的示意数值,并非已发布数据。", ""]
    for section in report.sections:
        for level, s in section.walk():
            lines += [f"{'#' * (level + 1)} {escape(s.title)}", ""] if s.title else []
            for block in s.blocks:
                lines += [*_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        if block.style == "lead":  # bold as a whole: its runs are not bolded again
            return ["**" + "".join(_run(r, bold=False) for r in block.runs) + "**"]
        return ["".join(_run(r) for r in block.runs)]
    if isinstance(block, Table):
        return _table(block)
    return _chart(block)


def _run(run: Run, *, bold: bool = True) -> str:
    text = escape(run.text)
    if run.strong and bold:
        text = _strong(text)
    return text + MARK if run.illustrative else text


def _strong(text: str) -> str:
    """``text`` in bold, its closing stop after the ``**``: CommonMark ends bold after a
    punctuation mark only when a space or another mark follows, and Chinese runs on without
    a space ("**1.服务保障切实增强**。全年…", not "**…增强。**全年…")."""
    body, stop = (text[:-1], text[-1]) if text.endswith(_STOPS) else (text, "")
    return f"**{body}**{stop}" if body.strip() else text


_STOPS = ("。", ":", ":", ";", ",")


def _cell(cell: Cell) -> str:
    return "".join(_run(r) for r in cell)


def _table(table: Table) -> list[str]:
    header = " | ".join(escape(h) for h in table.header)
    lines = [f"**{escape(table.caption)}**", "", f"| {header} |"]
    lines.append(
        "|"
        + "|".join("---:" if k in table.numeric else "---" for k in range(len(table.header)))
        + "|"
    )
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    if table.note:
        lines += ["", f"注:{escape(table.note)}"]
    return lines


def _chart(chart: Chart) -> list[str]:
    reference = escape(chart.reference_label or "参考")
    header = f"| 项目 | 数值(%) | {reference}(%) |"
    lines = [f"**{escape(chart.caption)}**", "", header, "|---|---:|---:|"]
    for bar in chart.bars:
        ref = "—" if bar.reference is None else number(bar.reference, 1)
        lines.append(f"| {escape(bar.label)} | {number(bar.value, 1)} | {ref} |")
    return lines
