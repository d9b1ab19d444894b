"""Classes 4 and 5 (and the moves of class 11): a clause without a subject takes its holder."""

from __future__ import annotations

from planwatch.core.numbers import Qualifier
from planwatch.extract import Measure, Status

from ..conftest import review


def test_a_target_in_brackets_is_the_sentences_indicators_in_its_measure() -> None:
    found = review("固定资产投资增长7.2%,增速居全市第2位(年度目标为8%以上)。")
    target = found[-1]
    assert (target.subject, target.value, target.measure) == ("固定资产投资", 8, Measure.GROWTH)
    assert (target.qualifier, target.status) == (Qualifier.AT_LEAST, Status.TARGET)


def test_a_surplus_over_the_plan_is_a_change_of_the_holder() -> None:
    found = review("茶叶种植面积8.5万亩,超计划0.5万亩,产量达到1.2万吨。")
    assert [(s.subject, s.value, s.measure) for s in found] == [
        ("茶叶种植面积", 8.5, Measure.LEVEL),
        ("茶叶种植面积", 0.5, Measure.CHANGE),
        ("茶叶产量", 1.2, Measure.LEVEL),
    ]


def test_a_change_in_points_after_a_span_belongs_to_the_rate_before() -> None:
    found = review("空气质量优良率达到92%,近3年提高5个百分点。")
    assert [(s.subject, s.value, s.unit, s.measure) for s in found] == [
        ("空气质量优良率", 92, "%", Measure.LEVEL),
        ("空气质量优良率", 5, "个百分点", Measure.CHANGE),
    ]


def test_a_rate_slowing_on_the_year_before_is_a_negative_change_of_the_growth_rate() -> None:
    found = review("工业增加值增长6%,居全市第4位,增速比上年回落1.2个百分点。")
    assert (found[-1].subject, found[-1].value) == ("工业增加值增速", -1.2)


def test_a_level_moved_from_one_value_to_another_gives_both_to_one_indicator() -> None:
    found = review("常住人口城镇化率由上年58.2%提高到59.1%。")
    assert [(s.subject, s.value, s.period) for s in found] == [
        ("常住人口城镇化率", 58.2, "2023"),
        ("常住人口城镇化率", 59.1, "2024"),
    ]
