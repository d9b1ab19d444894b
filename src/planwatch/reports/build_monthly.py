"""Build the monthly brief (月度经济运行分析) from the year's in-year monitoring.

Every figure and verdict is the nowcast's
(:func:`planwatch.services.nowcast.nowcast_year`): the year-to-date value,
the pace the remaining months need, the year-end nowcast with its interval
and the tier. The indicators 难以完成 come first, the binding ones among them
named as early warnings; lagging projects and overdue problems follow as in
the quarterly brief.
"""

from __future__ import annotations

from planwatch.core.indicators import Binding
from planwatch.core.nowcast import Assessment
from planwatch.core.nowcast_wording import outlook_sentence, rest, span
from planwatch.core.observations import Period
from planwatch.core.risk import Tier
from planwatch.core.wording import number, subject
from planwatch.reports.build_quarterly import lagging_blocks, overdue_blocks
from planwatch.reports.inputs import MonthlyInputs
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

GROUPS = (
    (Tier.AT_RISK, "(一)预计难以完成的指标"),
    (Tier.PUSH, "(二)需加力的指标"),
    (Tier.ON_TRACK, "(三)预计可完成的指标"),
)


def build_monthly(inputs: MonthlyInputs) -> Report:
    """The brief for ``inputs.year`` up to the end of ``inputs.month``."""
    missing: list[str] = []
    period = Period(inputs.year, month=inputs.month)
    blocks: list[Block] = [_summary(inputs, missing)]
    for tier, heading in GROUPS:
        blocks += _group([a for a in inputs.outlook if a.tier is tier], heading)
    blocks.append(_table(inputs, period))
    growth = [
        Bar(subject(a.indicator), a.latest.value, a.bar.goal, a.latest.source)
        for a in inputs.outlook
        if a.method == "cumulative_growth" and a.latest is not None and a.bar is not None
    ]
    if growth:
        blocks.append(Chart(f"图1 {span(period)}累计增速与年度目标(%)", tuple(growth), "年度目标"))
    month = inputs.month
    sections = (
        Section("一、全年目标研判", tuple(blocks)),
        Section("二、项目推进情况", lagging_blocks(inputs.year, month, inputs.lagging, missing)),
        Section("三、问题整改情况", overdue_blocks(inputs.year, month, inputs.overdue, missing)),
    )
    return Report(
        title=f"{inputs.region}{inputs.year}年{span(period)}经济运行分析",
        subtitle=f"(截至{inputs.year}年{month}月)",
        sections=sections,
        missing=tuple(missing),
    )


def _summary(inputs: MonthlyInputs, missing: list[str]) -> Block:
    assessed = [a for a in inputs.outlook if a.tier is not Tier.NOT_ASSESSED]
    if not assessed:
        missing.append(f"截至{inputs.year}年{inputs.month}月各指标累计值")
        return para(f"截至{inputs.month}月,主要指标:", missing_run(), "。")
    counts = ",".join(
        f"{tier.label_zh}{sum(1 for a in assessed if a.tier is tier)}项" for tier, _ in GROUPS
    )
    text = f"截至{inputs.month}月,{len(assessed)}项指标可作全年研判:{counts}"
    warnings = [
        a.indicator.name
        for a in assessed
        if a.tier is Tier.AT_RISK and a.indicator.binding is Binding.BINDING
    ]
    if warnings:
        text += f";约束性指标{'、'.join(warnings)}预计难以完成,列为预警"
    idle = len(inputs.outlook) - len(assessed)
    if idle:
        text += f"。另有{idle}项暂不作研判(年度统计、目标待下达、定性目标或年内暂无数据)"
    return para(text, "。")


def _group(assessments: list[Assessment], heading: str) -> list[Block]:
    lines = [
        para(Run(sentence, a.latest.source if a.latest else "", f"{a.indicator.name} 研判"), "。")
        for a in assessments
        if (sentence := outlook_sentence(a))
    ]
    return [para(heading, style="lead"), *lines] if lines else []


def _table(inputs: MonthlyInputs, period: Period) -> Table:
    rows = tuple(_row(a) for a in inputs.outlook if a.bar is not None or a.latest is not None)
    return Table(
        caption=f"表1 {inputs.region}{inputs.year}年{span(period)}主要指标全年目标研判",
        header=("指标", "属性", "年度目标", "截至本月", f"{rest(period)}需", "全年预计", "研判"),
        rows=rows,
        numeric=(2, 3, 4, 5),
        note="增速类指标余下月份按上年全年增速推算全年(上年增速未知时按累计增速),"
        "括注为预计区间;总量类指标所需为尚缺的量。",
    )


def _row(a: Assessment) -> tuple[Cell, ...]:
    ind, obs = a.indicator, a.latest
    value: Cell = (
        (Run(number(obs.value), obs.source, f"{ind.name} {obs.period}"),)
        if obs is not None
        else (missing_run(),)
    )
    goal = "—" if a.bar is None else f"{number(a.bar.goal)}{ind.unit}"
    return (
        (Run(ind.name),),
        (Run(ind.binding.label_zh),),
        (Run(goal),),
        value,
        (Run(_pace(a, ind.unit)),),
        (Run(_nowcast(a)),),
        (Run(a.tier.label_zh),),
    )


def _pace(a: Assessment, unit: str) -> str:
    if a.pace is None:
        return "—"
    if a.pace_kind == "growth":
        return f"{number(a.pace, 1)}%"
    return f"{number(a.pace)}{unit}"


def _nowcast(a: Assessment) -> str:
    if a.nowcast is None or a.low is None or a.high is None:
        return "—"
    if a.method == "annual":
        return number(a.nowcast)
    return f"{number(a.nowcast, 1)}({number(a.low, 1)}~{number(a.high, 1)})"
