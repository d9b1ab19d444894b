"""Build the quarterly brief (季度经济运行分析) from plain inputs.

The indicators are judged by the core's in-year evaluation
(:func:`planwatch.core.plan.evaluate_plan` with ``as_of``): a year-to-date
growth rate against the annual target, a cumulative quantity by time
progress (序时进度). Lagging projects and overdue problems
come from the project register and the problem list when they are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from planwatch.core.indicators import Indicator, Kind
from planwatch.core.nowcast_wording import outlook_sentence
from planwatch.core.targets import Target
from planwatch.core.wording import figure, number, subject
from planwatch.reports.inputs import LaggingProject, OverdueProblem, QuarterlyInputs
from planwatch.reports.model import (
    Bar,
    Block,
    Cell,
    Chart,
    Report,
    Run,
    Section,
    Table,
    missing_run,
    para,
)

PERIOD_NAMES = {1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年"}


def build_quarterly(inputs: QuarterlyInputs) -> Report:
    """The brief for ``inputs.year`` up to the end of ``inputs.quarter``."""
    missing: list[str] = []
    name = PERIOD_NAMES[inputs.quarter]
    month = inputs.quarter * 3
    table, growth, progress, lines = _indicators(inputs, missing)
    blocks = [para(f"{name},", *lines, "。") if lines else para(f"{name}主要指标:", missing_run())]
    blocks.append(table)
    if growth:
        blocks.append(Chart(f"图1 {name}主要指标累计增速与年度目标(%)", tuple(growth), "年度目标"))
    if progress:
        blocks.append(Chart(f"图2 {name}累计完成进度与序时进度(%)", tuple(progress), "序时进度"))
    blocks += _outlook(inputs)
    sections = [
        Section("一、主要指标运行情况", tuple(blocks)),
        Section("二、项目推进情况", lagging_blocks(inputs.year, month, inputs.lagging, missing)),
        Section("三、问题整改情况", overdue_blocks(inputs.year, month, inputs.overdue, missing)),
    ]
    return Report(
        title=f"{inputs.region}{inputs.year}年{name}经济运行分析",
        subtitle=f"(截至{inputs.year}年{inputs.quarter * 3}月)",
        sections=tuple(sections),
        missing=tuple(missing),
    )


def _indicators(
    inputs: QuarterlyInputs, missing: list[str]
) -> tuple[Table, list[Bar], list[Bar], list[Run]]:
    month = inputs.quarter * 3
    rows: list[tuple[Cell, ...]] = []
    growth: list[Bar] = []
    progress: list[Bar] = []
    lines: list[Run] = []
    for e in inputs.evaluations:
        ind, target, obs, tp = e.indicator, e.target, e.observation, e.progress
        if target is None:
            continue
        if obs is None:
            missing.append(f"{ind.name} 截至{inputs.year}年{month}月累计值")
            rows.append(_row(ind, target, (missing_run(),), "—", "—", e.verdict.label_zh))
            continue
        about = f"{ind.name} {obs.period}累计"
        value = (Run(number(obs.value), obs.source, about),)
        if tp is not None:
            done, expected = f"{tp.progress:.1f}%", f"{tp.expected:.1f}%"
            rows.append(_row(ind, target, value, done, expected, tp.light.label_zh))
            progress.append(Bar(ind.name, tp.progress, tp.expected, obs.source))
            continue
        rows.append(_row(ind, target, value, "—", "—", e.verdict.label_zh))
        if ind.kind is Kind.GROWTH:
            growth.append(Bar(subject(ind), obs.value, target.value, obs.source))
            lines += [*([Run(",")] if lines else []), Run(subject(ind))]
            lines.append(Run(figure(obs.value, ind), obs.source, about))
    table = Table(
        caption=f"表1 {inputs.region}{inputs.year}年{PERIOD_NAMES[inputs.quarter]}主要指标运行情况",
        header=("指标", "单位", "年度目标", "截至本期", "完成进度", "序时进度", "状态"),
        rows=tuple(rows),
        numeric=(3, 4, 5),
        note="增速类指标以累计增速对照年度目标;总量类指标以累计完成进度对照序时进度。",
    )
    return table, growth, progress, lines


def _outlook(inputs: QuarterlyInputs) -> list[Block]:
    """全年目标研判: a sentence per assessed indicator, in ``outlook``'s order (难以完成 first)."""
    said = [(a, outlook_sentence(a)) for a in inputs.outlook]
    lines = [
        para(Run(sentence, a.latest.source if a.latest else "", f"{a.indicator.name} 研判"), "。")
        for a, sentence in said
        if sentence
    ]
    return [para("全年目标研判:"), *lines] if lines else []


def _row(
    ind: Indicator, target: Target, value: Cell, done: str, expected: str, state: str
) -> tuple[Cell, ...]:
    return (
        (Run(ind.name),),
        (Run(ind.unit),),
        (Run(target.text, target.source, f"{ind.name} {target.year}年目标"),),
        value,
        (Run(done),),
        (Run(expected),),
        (Run(state),),
    )


def lagging_blocks(
    year: int, month: int, lagging: Sequence[LaggingProject] | None, missing: list[str]
) -> tuple[Block, ...]:
    """Projects behind time progress at the end of ``month`` (``None``: no register)."""
    if lagging is None:
        missing.append("项目库及月度进度(滞后项目)")
        return (para("滞后项目:", missing_run(), "。"),)
    if not lagging:
        return (para("本期无滞后于序时进度的项目。"),)
    rows = tuple(
        (
            (Run(p.name),),
            (Run(p.department),),
            (Run(f"{p.progress:.1f}%", p.source, f"{p.name} 完成进度"),),
            (Run(f"{p.expected:.1f}%"),),
        )
        for p in lagging
    )
    lead = para(
        f"截至{year}年{month}月底,{len(rows)}个项目进度滞后(按完成进度落后序时进度由多到少排列):"
    )
    return lead, Table("表2 滞后项目", ("项目", "责任单位", "完成进度", "序时进度"), rows, (2, 3))


def overdue_blocks(
    year: int, month: int, overdue: Sequence[OverdueProblem] | None, missing: list[str]
) -> tuple[Block, ...]:
    """Problems past their deadline at the end of ``month`` (``None``: no problem list)."""
    if overdue is None:
        missing.append("问题清单(逾期问题)")
        return (para("逾期未整改问题:", missing_run(), "。"),)
    if not overdue:
        return (para("本期无逾期未整改问题。"),)
    rows = tuple(
        (
            (Run(p.title, p.source, "问题"),),
            (Run(p.department),),
            (Run(p.deadline),),
            (Run(f"{p.days_overdue}天"),),
        )
        for p in overdue
    )
    lead = para(f"截至{year}年{month}月底,{len(rows)}个问题逾期未整改:")
    return lead, Table("表3 逾期未整改问题", ("问题", "责任单位", "整改时限", "逾期"), rows, (3,))
