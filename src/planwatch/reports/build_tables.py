"""Tables and closing sections shared by the reports: 表1 of indicators, sources, missing data."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from planwatch.core.evaluation import Evaluation
from planwatch.core.observations import Status
from planwatch.core.wording import MISSING, number, points, quantity
from planwatch.reports.inputs import AnnualInputs
from planwatch.reports.model import (
    ILLUSTRATIVE_LABEL,
    Cell,
    Paragraph,
    Report,
    Run,
    Section,
    Table,
    missing_run,
    para,
)
from planwatch.reports.source_names import source_label

INDICATOR_COLUMNS = ("序号", "指标", "属性", "单位")


def indicator_table(inputs: AnnualInputs, missing: list[str]) -> Table:
    """表1: every indicator with its target, actual or estimate, attainment and verdict."""
    y, n = inputs.year, inputs.next_year
    next_targets = {t.indicator: t for t in inputs.next_targets}
    rows = []
    for position, e in enumerate(inputs.evaluations, start=1):
        ind = e.indicator
        nxt = next_targets.get(ind.code)
        if e.observation is None:
            missing.append(f"{ind.name} {y}年实际/预计值")
        rows.append(
            (
                _plain(str(position)),
                _plain(ind.name),
                _plain(ind.binding.label_zh),
                _plain(ind.unit),
                _target_cell(e, y),
                _actual_cell(e),
                _plain(_attainment(e)),
                _plain(e.verdict.label_zh + ("(<80%)" if e.flagged else "")),
                (Run(nxt.text, nxt.source, f"{ind.name} {n}年目标"),) if nxt else (missing_run(),),
            )
        )
    return Table(
        caption=f"表1 {inputs.region}{y}年计划指标执行情况及{n}年目标",
        header=(
            *INDICATOR_COLUMNS,
            f"{y}年目标",
            f"{y}年实际/预计",
            "实现程度",
            "评价",
            f"{n}年目标",
        ),
        rows=tuple(rows),
        numeric=(5, 6),
        note="实现程度 = 实际 ÷ 目标(越低越好的指标为 目标 ÷ 实际);无数值目标时列出与目标之差。",
    )


def _plain(text: str) -> Cell:
    return (Run(text),)


def _target_cell(e: Evaluation, year: int) -> Cell:
    if e.target is None:
        return (missing_run(),)
    return (Run(e.target.text, e.target.source, f"{e.indicator.name} {year}年目标"),)


def _actual_cell(e: Evaluation) -> Cell:
    obs = e.observation
    if obs is None:
        return (missing_run(),)
    status = "预计值" if obs.status is Status.ESTIMATE else "实际值"
    about = f"{e.indicator.name} {obs.period}年{status}"
    estimate = "(预计)" if obs.status is Status.ESTIMATE else ""
    return (Run(number(obs.value) + estimate, obs.source, about),)


def _attainment(e: Evaluation) -> str:
    if e.attainment is not None:
        return f"{e.attainment:.1f}%"
    if e.gap is not None:
        gap = points(e.gap) if e.indicator.kind.is_rate else quantity(e.gap, e.indicator.unit)
        return ("+" if e.gap > 0 else "") + gap
    return "—"


def todo_section(missing: list[str] | tuple[str, ...]) -> Section | None:
    """待办事项: what the report could not state, each item once, in order found.

    It closes the review copy only: the copy to submit never shows a gap.
    """
    items = list(dict.fromkeys(missing))
    if not items:
        return None
    lines = tuple(para(f"{k}. {item}:{MISSING}。", style="note") for k, item in enumerate(items, 1))
    return Section(
        "附件2 待办事项(供起草人)", (para("以下内容暂无数据,正文中未写入,请补充:"), *lines)
    )


def with_sources(report: Report) -> Report:
    """The review copy: figures marked, an annex naming the source of every figure,
    then the author's to-do list."""
    annexes = [Section("附件1 数据来源", sources_blocks(report))]
    todo = todo_section(report.missing)
    if todo is not None:
        annexes.append(todo)
    return replace(report, sections=(*report.sections, *annexes), review=True)


def sources_blocks(report: Report) -> tuple[Paragraph, ...]:
    """附件1 as paragraphs: one per run of figures from the same source, in reading order.

    "**已发布报告第43行。**[28]联系服务重点企业及个体户:2.2万家(次) [29]联系服务企业问题
    解决率:96.9%" — each figure numbered, with its record, the source said once
    for all of them (a stored text may hold ; or 。, the number marks where an
    entry starts). A paragraph is laid out several times faster than the table
    of 序号, 记录, 数值, 来源 it replaces (the review copy's 708 figures made
    2,832 cells), and states the same.
    """
    note = para(f"“{ILLUSTRATIVE_LABEL}”为演示用的示意数值,并非已发布数据。", style="note")
    numbered = [(k, *entry) for k, entry in enumerate(report.sources(), start=1)]
    groups = groupby(numbered, key=lambda entry: entry[3])
    return (note, *(_source_paragraph(source, list(entries)) for source, entries in groups))


def _source_paragraph(source: str, entries: list[tuple[int, str, str, str]]) -> Paragraph:
    text = " ".join(
        f"[{k}]{about}:{figure}" if about else f"[{k}]{figure}" for k, about, figure, _ in entries
    )
    return para(Run(f"{source_label(source)}。", strong=True), text, style="list")
