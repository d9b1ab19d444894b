"""Build the annual report (计划执行情况及计划草案报告) from plain inputs.

The structure mirrors the published Fuling report: 一 the year's execution
(overview figures, the review of key tasks, the evaluation summary), 二 the
next year's main targets and project arrangement, 三 the next year's key
tasks, and the appendix table 表1 of all indicators. Nothing is invented:
what the data lacks is listed in ``Report.missing`` — the review copy's to-do
list — and stands in the body only as a ``gap`` paragraph, which the copy to
submit leaves out (表1 still writes 暂无数据 in a cell without a value).
"""

from __future__ import annotations

from collections.abc import Sequence

from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.indicators import Kind
from planwatch.core.observations import Status
from planwatch.core.sentences import (
    MAIN_TARGETS_OPENING,
    headline_targets,
    indicator_system_sentence,
    project_sentence,
)
from planwatch.core.summary import summary_paragraph
from planwatch.core.wording import MISSING, figure, percent, subject
from planwatch.reports.build_plan_tasks import plan_tasks
from planwatch.reports.build_review import (
    chinese_count,
    conclusion,
    figures,
    opening,
    review,
    year_paragraphs,
)
from planwatch.reports.build_tables import indicator_table
from planwatch.reports.inputs import AnnualInputs
from planwatch.reports.model import (
    NOT_PUBLISHED,
    Paragraph,
    Report,
    Run,
    Section,
    missing_run,
    para,
)

# Words for the share of judged indicators that met or beat their target, highest first.
EXTENTS = ((1.0, "全面完成"), (2 / 3, "较好完成"), (0.5, "基本完成"), (0.0, "未能全面完成"))


def build_annual(inputs: AnnualInputs) -> Report:
    """The annual report of ``inputs.year`` and the plan of the year after."""
    missing: list[str] = []
    y, n = inputs.year, inputs.next_year
    values = figures(inputs)
    year = year_paragraphs(inputs, values, missing) or _year(inputs, missing)
    if inputs.review:
        done = review(inputs, values, missing)
    else:
        missing.append(f"{y}年重点任务及完成情况")
        done = [para(f"{y}年重点任务完成情况:暂无数据。", style="gap")]
    sections = (
        Section("", tuple(opening(inputs))),
        Section(
            f"一、{y}年国民经济和社会发展计划执行情况",
            (*year, *done, _summary(inputs, missing)),
        ),
        Section(
            f"二、{n}年国民经济和社会发展主要预期目标和项目安排",
            sections=(
                _requirements(inputs, missing),
                Section("(二)主要目标", (_main_targets(inputs, missing),)),
                Section("(三)项目安排", (_projects(inputs, missing),)),
            ),
        ),
        Section(f"三、{n}年主要任务和重点工作", tuple(plan_tasks(inputs, missing))),
        Section("附表", (indicator_table(inputs, missing),)),
    )
    return Report(
        title=f"{inputs.region}{y}年国民经济和社会发展计划执行情况及{n}年计划草案报告",
        sections=sections,
        missing=tuple(missing),
    )


def _year(inputs: AnnualInputs, missing: list[str]) -> list[Paragraph]:
    """Without the office's draft: the year's paragraph from the verdicts and the review,
    then a "——" paragraph per theme of ``report.toml`` stating its indicators (or, without
    themes, the headline figures)."""
    themes = [
        para(Run(f"——{title}。"), *runs)
        for title, clauses in inputs.themes
        if (runs := _stated_runs(inputs, clauses, missing))
    ]
    return [_intro(inputs), *themes] if themes else _overview(inputs, missing)


def _intro(inputs: AnnualInputs) -> Paragraph:
    """The year's paragraph: the plan carried out, the review's extent and the verdicts
    ("…七个方面23项重点工作扎实推进,纳入评价的28项计划指标中20项达到或高于预期")."""
    y = inputs.year
    runs = [Run(f"{y}年,{inputs.region}认真执行{y}年国民经济和社会发展计划")]
    areas = inputs.review or ()
    if areas:
        items = sum(len(a.tasks) for a in areas)
        runs.append(Run(f",{chinese_count(len(areas))}个方面{items}项重点工作扎实推进"))
    met, judged = _met(inputs)
    if judged:
        words = f",纳入评价的{judged}项计划指标中{met}项达到或高于预期"
        runs.append(Run(words, _target_source(inputs), _judged_about(inputs)))
    return para(*runs, Run("。"))


def _met(inputs: AnnualInputs) -> tuple[int, int]:
    """How many indicators met or beat their target, of how many judged."""
    judged = [e for e in inputs.evaluations if e.verdict.is_judged]
    return sum(e.verdict in (Verdict.ABOVE, Verdict.MET) for e in judged), len(judged)


def _judged_about(inputs: AnnualInputs) -> str:
    return f"{inputs.year}年计划指标评价(对照{inputs.year}年目标)"


def _judgement(inputs: AnnualInputs) -> Run:
    """The first sentence of 总体来看: the office's judgement of the year, or else the
    share of indicators that met or beat their target said in words — all 全面完成,
    two thirds 较好完成, half 基本完成, fewer 未能全面完成."""
    drafted = conclusion(inputs)
    if drafted:
        return Run(drafted)
    met, judged = _met(inputs)
    extent = next(words for share, words in EXTENTS if met >= share * judged)
    words = f"{inputs.year}年{inputs.region}主要发展预期目标{extent}。"
    return Run(words, _target_source(inputs), _judged_about(inputs))


def _overview(inputs: AnnualInputs, missing: list[str]) -> list[Paragraph]:
    """The headline figures: estimates in one 预计 sentence, actuals in another."""
    clauses = [list(c) for c in inputs.overview] or _default_clauses(inputs)
    runs = _stated_runs(inputs, clauses, missing)
    if not runs:
        missing.append(f"{inputs.year}年主要指标实际/预计值")
        return [para(f"{inputs.year}年主要指标执行情况:", missing_run(), "。", style="gap")]
    return [para(f"{inputs.year}年{inputs.region}主要指标执行情况如下。"), Paragraph(tuple(runs))]


def _stated_runs(
    inputs: AnnualInputs, clauses: Sequence[Sequence[str]], missing: list[str]
) -> list[Run]:
    """The indicators of ``clauses``: estimates in one 预计全年 sentence, actuals in another."""
    by_code = {e.indicator.code: e for e in inputs.evaluations}
    for code in (c for clause in clauses for c in clause):
        if code in by_code and by_code[code].observation is None:
            missing.append(f"{by_code[code].indicator.name} {inputs.year}年实际/预计值")
    runs: list[Run] = []
    for lead, estimate in (("预计全年", True), ("全年", False)):
        stated = [
            [by_code[c] for c in clause if c in by_code and _stated(by_code[c], estimate)]
            for clause in clauses
        ]
        parts = [_clause(members, inputs) for members in stated if members]
        if parts:
            runs += [Run(lead), *_joined(parts, ","), Run("。")]
    return runs


def _stated(e: Evaluation, estimate: bool) -> bool:
    return e.observation is not None and e.is_estimate == estimate


def _default_clauses(inputs: AnnualInputs) -> list[list[str]]:
    """One clause per indicator of the next year's main-targets sentence, in its order."""
    return [
        [t.indicator]
        for _, targets in headline_targets(inputs.next_targets, inputs.indicators)
        for t in targets
    ]


def _clause(members: Sequence[Evaluation], inputs: AnnualInputs) -> list[Run]:
    """One indicator ("地区生产总值增长6.5%左右"), or several growth rates said with 分别."""
    if len(members) == 1 or not all(_plain_growth(e, inputs) for e in members):
        return _joined([_single(e, inputs) for e in members], ",")
    names = "、".join(subject(e.indicator) for e in members)
    figures = [[_figure_run(e, percent(e.actual or 0.0))] for e in members]
    return [Run(f"{names}分别增长"), *_joined(figures, "、")]


def _joined(parts: Sequence[list[Run]], separator: str) -> list[Run]:
    runs: list[Run] = []
    for k, part in enumerate(parts):
        runs += ([Run(separator)] if k else []) + part
    return runs


def _plain_growth(e: Evaluation, inputs: AnnualInputs) -> bool:
    return (
        e.indicator.kind is Kind.GROWTH
        and not inputs.qualifiers.get(e.indicator.code)
        and (e.actual or 0.0) >= 0
    )


def _single(e: Evaluation, inputs: AnnualInputs) -> list[Run]:
    name = e.indicator.name
    if e.indicator.kind is Kind.GROWTH and name.endswith(("下降率", "降低率")):
        return [Run(name.removesuffix("率")), _figure_run(e, percent(e.actual or 0.0))]
    qualifier = inputs.qualifiers.get(e.indicator.code, "")
    words = figure(e.actual or 0.0, e.indicator, qualifier=qualifier)
    if e.indicator.kind is not Kind.GROWTH and e.indicator.unit == "%":
        words = f"达{words}"
    return [Run(subject(e.indicator)), _figure_run(e, words)]


def _figure_run(e: Evaluation, words: str) -> Run:
    obs = e.observation
    assert obs is not None, "only observed indicators are stated"
    status = "预计值" if obs.status is Status.ESTIMATE else "实际值"
    about = f"{e.indicator.name} {obs.period}年{status}"
    return Run(words, source=obs.source, about=about)


def _summary(inputs: AnnualInputs, missing: list[str]) -> Paragraph:
    if not any(e.verdict.is_judged for e in inputs.evaluations):
        missing.append(f"{inputs.year}年计划指标评价")
        return para(f"{inputs.year}年计划指标评价:", missing_run(), "。", style="gap")
    text = summary_paragraph(inputs.year, inputs.evaluations, examples=inputs.summary_examples)
    about = _judged_about(inputs)
    return para("总体来看,", _judgement(inputs), Run(text, _target_source(inputs), about))


def _target_source(inputs: AnnualInputs) -> str:
    """The source of the year's targets: illustrative when any is."""
    targets = {e.target.source for e in inputs.evaluations if e.target is not None}
    return "illustrative" if targets & NOT_PUBLISHED else ",".join(sorted(targets))


def _requirements(inputs: AnnualInputs, missing: list[str]) -> Section:
    n = inputs.next_year
    drafted = inputs.requirements
    if drafted is None:
        return _missing_section("(一)总体要求", f"{n}年总体要求", missing)
    return Section("(一)总体要求", (para(Run(drafted.text, drafted.source, f"{n}年总体要求")),))


def _main_targets(inputs: AnnualInputs, missing: list[str]) -> Paragraph:
    n = inputs.next_year
    if not inputs.next_targets:
        missing.append(f"{n}年计划指标目标")
        return para(f"{n}年主要预期目标:", missing_run(), "。", style="gap")
    codes = {t.indicator for t in inputs.next_targets}
    system = [i for i in inputs.indicators if i.code in codes]
    runs = [Run(indicator_system_sentence(n, system, continues=inputs.continues))]
    phrases = headline_targets(inputs.next_targets, inputs.indicators)
    by_code = {i.code: i for i in inputs.indicators}
    if phrases:
        runs.append(Run(MAIN_TARGETS_OPENING))
        for k, (phrase, targets) in enumerate(phrases):
            names = "、".join(by_code[t.indicator].name for t in targets if t.indicator in by_code)
            about = f"{n}年目标 {names}"
            runs += [*([Run(",")] if k else []), Run(phrase, targets[0].source, about)]
        runs.append(Run("。"))
    return Paragraph(tuple(runs))


def _projects(inputs: AnnualInputs, missing: list[str]) -> Paragraph:
    if inputs.projects is None:
        missing.append(f"{inputs.next_year}年政府投资项目安排(项目库)")
        return para(f"{inputs.next_year}年政府投资项目安排:", missing_run(), "。", style="gap")
    about = f"{inputs.next_year}年政府投资项目库"
    return para(Run(project_sentence(inputs.projects), inputs.projects.source, about=about))


def _missing_section(title: str, what: str, missing: list[str]) -> Section:
    missing.append(what)
    return Section(title, (para(missing_run(f"{MISSING}(待撰写)"), style="gap"),))
