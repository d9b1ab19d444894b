"""Sentences of the annual report's section 二, written from plain values.

The wording follows the published Fuling report (seed lines 111 and 115),
ASCII ``,`` ``:`` ``;`` between clauses included, so that generated
sentences can be compared with the published ones character for character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planwatch.core.indicators import Binding, Indicator
from planwatch.core.targets import Target
from planwatch.core.wording import group_phrase, target_phrase, yi

MAIN_TARGETS_OPENING = "其中主要经济社会发展预期目标建议如下:"


@dataclass(frozen=True)
class CategoryTotals:
    """One category of the project register (新开工, 续建, 完工): count and annual plan in 万元."""

    label: str
    count: int
    annual_plan: Decimal


@dataclass(frozen=True)
class ProjectArrangement:
    """The government investment projects a plan year arranges, money in 万元.

    ``categories`` are in the order the report states them; a category with
    no project is left out of the sentence.
    """

    year: int
    count: int
    total: Decimal
    annual_plan: Decimal
    categories: tuple[CategoryTotals, ...] = ()
    source: str = ""


def indicator_system_sentence(
    year: int, indicators: Sequence[Indicator], *, continues: bool
) -> str:
    """Write the indicator-system sentence of section 二(二).

    "2025年国民经济和社会发展计划指标沿用优化2024年指标体系、共计31项,
    包含7项约束性指标、24项预期指标。"

    ``indicators`` are those with a target in ``year``; ``continues`` says the
    system is the previous year's, carried over ("沿用优化2024年指标体系").
    """
    binding = sum(1 for i in indicators if i.binding is Binding.BINDING)
    carried = f"沿用优化{year - 1}年指标体系、" if continues else ""
    return (
        f"{year}年国民经济和社会发展计划指标{carried}共计{len(indicators)}项,"
        f"包含{binding}项约束性指标、{len(indicators) - binding}项预期指标。"
    )


def headline_targets(
    targets: Sequence[Target], indicators: Sequence[Indicator]
) -> list[tuple[str, list[Target]]]:
    """The headline targets in their order, as (phrase, targets stated by it).

    Targets sharing a headline place are stated together by the group their
    indicators share ("节能减排和环境保护指标以市上下达为准"); a target
    without a headline place is not stated.
    """
    by_code = {i.code: i for i in indicators}
    places: dict[int, list[Target]] = {}
    for target in targets:
        if target.headline is not None and target.indicator in by_code:
            places.setdefault(target.headline, []).append(target)
    phrases = []
    for place in sorted(places):
        members = places[place]
        first = by_code[members[0].indicator]
        if len(members) > 1 and first.group:
            phrase = group_phrase(first.group, members[0], first)
        else:
            reference = by_code.get(members[0].reference or "")
            phrase = "、".join(target_phrase(t, by_code[t.indicator], reference) for t in members)
        phrases.append((phrase, members))
    return phrases


def main_targets_sentence(targets: Sequence[Target], indicators: Sequence[Indicator]) -> str:
    """Write "其中主要经济社会发展预期目标建议如下:地区生产总值增长6%以上,……".

    Empty when no target has a headline place.
    """
    phrases = [phrase for phrase, _ in headline_targets(targets, indicators)]
    if not phrases:
        return ""
    return MAIN_TARGETS_OPENING + ",".join(phrases) + "。"


def project_sentence(arrangement: ProjectArrangement) -> str:
    """Write section 二(三): "2025年拟实施政府投资项目286个,总投资258.2亿元,……"."""
    a = arrangement
    text = (
        f"{a.year}年拟实施政府投资项目{a.count}个,总投资{yi(a.total)},"
        f"年度计划投资{yi(a.annual_plan)}。"
    )
    parts = [
        f"{c.label}项目{c.count}个,年度计划投资{yi(c.annual_plan)}" for c in a.categories if c.count
    ]
    if parts:
        text += "其中," + ";".join(parts) + "。"
    return text
