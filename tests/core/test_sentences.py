"""The section 二 sentences written from plain values."""

from __future__ import annotations

from decimal import Decimal

from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.sentences import (
    CategoryTotals,
    ProjectArrangement,
    indicator_system_sentence,
    main_targets_sentence,
    project_sentence,
)
from planwatch.core.targets import Target, TargetForm


def make_indicator(code: str, binding: Binding = Binding.EXPECTED, group: str = "") -> Indicator:
    return Indicator(code, f"{code}增速", "%", Kind.GROWTH, Direction.HIGHER, binding, group=group)


def test_the_indicator_system_counts_binding_and_expected_indicators():
    indicators = [make_indicator("a", Binding.BINDING), make_indicator("b"), make_indicator("c")]
    assert indicator_system_sentence(2025, indicators, continues=False) == (
        "2025年国民经济和社会发展计划指标共计3项,包含1项约束性指标、2项预期指标。"
    )


def test_targets_sharing_a_headline_place_are_stated_by_their_group():
    indicators = [make_indicator("a"), make_indicator("e1", group="环保"), make_indicator("e2")]
    targets = [
        Target("e1", 2025, TargetForm.ASSIGNED, "", headline=2),
        Target("e2", 2025, TargetForm.ASSIGNED, "", headline=2),
        Target("a", 2025, TargetForm.POINT, "5%", 5, headline=1),
    ]
    assert main_targets_sentence(targets, indicators) == (
        "其中主要经济社会发展预期目标建议如下:a增长5%,环保指标以市上下达为准。"
    )


def test_no_headline_target_means_no_main_targets_sentence():
    target = Target("a", 2025, TargetForm.POINT, "5%", 5)
    assert main_targets_sentence([target], [make_indicator("a")]) == ""


def test_an_empty_category_is_left_out_of_the_project_sentence():
    arrangement = ProjectArrangement(
        2025,
        3,
        Decimal(30000),
        Decimal(12000),
        (CategoryTotals("新开工", 3, Decimal(12000)), CategoryTotals("续建", 0, Decimal(0))),
    )
    assert project_sentence(arrangement) == (
        "2025年拟实施政府投资项目3个,总投资3.0亿元,年度计划投资1.2亿元。"
        "其中,新开工项目3个,年度计划投资1.2亿元。"
    )
