"""Section 一 of the annual report as prose: the year's paragraph, the "——" overview,
the review of the key tasks item by item, and the first sentence of 总体来看.

The words are the office's draft (``report-<year>.toml``); every figure in
them is a stored value — an indicator's value of the year, a key task's
result, a fact stored with its source — written with the qualifier the
office writes (余, 以上, 超, 突破, 近, 左右). An item without draft text is
written from its results alone (:mod:`planwatch.reports.build_results`).
"""

from __future__ import annotations

from collections.abc import Mapping

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Status
from planwatch.core.report_text import Figure, render_draft
from planwatch.reports.build_results import results_runs
from planwatch.reports.inputs import AnnualInputs, TaskArea, TaskItem
from planwatch.reports.model import Paragraph, Run, para

CN_NUMBERS = "一二三四五六七八九十"
REGION_LEVELS = "区县市旗"  # the last character of a region's name: its level


def chinese_count(n: int) -> str:
    """一 to 十 for 1 to 10, digits beyond."""
    return CN_NUMBERS[n - 1] if 0 < n <= len(CN_NUMBERS) else str(n)


def opening(inputs: AnnualInputs) -> list[Paragraph]:
    """各位代表: and the sentence submitting the report: the office's draft, or else
    written from ``[annual.opening]`` of ``report.toml`` and the region's name.

    Settings (each optional): ``salutation`` (各位代表:), ``government`` (the
    body that commissions the report; 区人民政府 for a 区, 县人民政府 for a 县),
    ``session`` (the 人大 session asked to review it; 大会), ``advisers`` (who
    is asked for opinions; 各位政协委员, empty for none).
    """
    drafts = inputs.drafts
    if drafts is not None and (drafts.salutation or drafts.opening):
        lines = [para(Run(drafts.salutation), style="to")] if drafts.salutation else []
        return lines + ([para(drafts.opening)] if drafts.opening else [])
    settings, region = inputs.opening, inputs.region
    government = settings.get("government") or _government(region)
    advisers = settings.get("advisers", "各位政协委员")
    text = (
        f"受{government}委托,现将{region}{inputs.year}年国民经济和社会发展计划执行情况"
        f"及{inputs.next_year}年计划草案提请{settings.get('session', '大会')}审议"
        + (f",并请{advisers}提出意见。" if advisers else "。")
    )
    return [para(settings.get("salutation", "各位代表:"), style="to"), para(text)]


def _government(region: str) -> str:
    """The people's government of ``region`` as its own report names it: 区人民政府 for
    涪陵区, 县人民政府 for a 县, the full name for anything else."""
    level = region[-1:]
    return f"{level}人民政府" if level in REGION_LEVELS else f"{region}人民政府"


def figures(inputs: AnnualInputs) -> dict[str, Figure]:
    """Every stored value the draft text may cite: indicators, task results, facts."""
    found: dict[str, Figure] = {}
    for e in inputs.evaluations:
        obs = e.observation
        if obs is not None:
            status = "预计值" if obs.status is Status.ESTIMATE else "实际值"
            unit = "%" if e.indicator.kind.is_rate else e.indicator.unit
            about = f"{e.indicator.name} {obs.period}年{status}"
            found[e.indicator.code] = Figure(obs.value, unit, obs.source, about)
    for area in inputs.review or ():
        for task in area.tasks:
            found.update(task.figures)
    if inputs.drafts is not None:
        found.update(inputs.drafts.facts)
    return found


def drafted(text: str, values: Mapping[str, Figure]) -> list[Run]:
    """Draft text as runs, each referenced figure citing its source."""
    return [
        Run(p.text, p.figure.source, p.figure.about) if p.figure else Run(p.text)
        for p in render_draft(text, values)
    ]


def year_paragraphs(
    inputs: AnnualInputs, values: Mapping[str, Figure], missing: list[str]
) -> list[Paragraph]:
    """The year's paragraph and the four "——" overview paragraphs.

    A paragraph citing a value the database does not hold is left to the
    review copy and named in the to-do list.
    """
    drafts = inputs.drafts
    if drafts is None:
        return []
    paragraphs = []
    for text in (t for t in (drafts.intro, *drafts.overview) if t):
        try:
            paragraphs.append(Paragraph(tuple(drafted(text, values))))
        except InvalidValue as exc:
            missing.append(f"{inputs.year}年概述段落「{text[:12]}…」:{exc.message}")
            paragraphs.append(para(text, style="gap"))
    return paragraphs


def review(
    inputs: AnnualInputs, values: Mapping[str, Figure], missing: list[str]
) -> list[Paragraph]:
    """过去一年重点工作: areas as run-in headings, items numbered across areas."""
    areas = inputs.review or ()
    paragraphs = [para(f"过去一年,重点抓了以下{chinese_count(len(areas))}个方面工作:")]
    items = inputs.drafts.items if inputs.drafts else {}
    number = 0
    for area in areas:
        paragraphs.append(_area(area, inputs.year, missing))
        for task in area.tasks:
            number += 1
            head = Run(f"{number}.{task.title}。", task.source, strong=True)
            body = _item(task, items.get(task.code), values, inputs.year, missing)
            if not body:
                missing.append(f"{inputs.year}年重点任务「{task.title}」完成情况")
                paragraphs.append(para(head, style="gap"))
                continue
            paragraphs.append(para(head, *body))
    return paragraphs


def _area(area: TaskArea, year: int, missing: list[str]) -> Paragraph:
    if area.title:
        return para(Run(f"{area.ordinal}{area.title}。", area.source, strong=True), style="lead")
    missing.append(f"{year}年重点任务{area.ordinal}的标题")
    return para(Run(area.ordinal, strong=True), style="gap")


def _item(
    task: TaskItem, text: str | None, values: Mapping[str, Figure], year: int, missing: list[str]
) -> list[Run]:
    """The item's draft text with its figures, or its results when it has no draft
    (or its draft cites a value the database does not hold)."""
    if text is not None:
        try:
            return drafted(text, values)
        except InvalidValue as exc:
            missing.append(f"{year}年重点任务「{task.title}」的草稿:{exc.message}")
    return results_runs([figure for _, figure in task.figures])


def conclusion(inputs: AnnualInputs) -> str:
    """The office's first sentence of 总体来看 (its judgement of the year), or nothing."""
    return inputs.drafts.conclusion if inputs.drafts else ""
