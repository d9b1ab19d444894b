"""Classes 7, 8 and 12: values in words, measure words and units, ranges and ratios."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.numbers import Qualifier
from planwatch.extract import Measure

from .conftest import plan, review


def rows(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(s.subject, s.value, s.unit, s.measure, s.qualifier) for s in found]


def test_a_top_band_in_chinese_numerals_is_a_rank_at_most() -> None:
    assert rows(review("外贸进出口总额居全省第四,稳居西部前三。")) == [
        ("外贸进出口总额全省排名", 4, None, Measure.RANK, Qualifier.EXACT),
        ("外贸进出口总额西部排名", 3, None, Measure.RANK, Qualifier.AT_MOST),
    ]


def test_a_round_magnitude_in_words_and_no_change_are_values() -> None:
    assert rows(review("港口吞吐量突破千万吨,物价指数与上年基本持平。")) == [
        ("港口吞吐量", 1000, "万吨", Measure.LEVEL, Qualifier.AT_LEAST),
        ("物价指数", 0, "%", Measure.GROWTH, Qualifier.APPROX),
    ]


def test_shuangshuang_states_the_value_for_each_member_listed_before() -> None:
    found = review("货物进出口和实际利用外资双双突破百亿元。")
    assert [(s.subject, s.value, s.unit) for s in found] == [
        ("货物进出口", 100, "亿元"),
        ("实际利用外资", 100, "亿元"),
    ]


def test_rank_lists_in_chinese_numerals_are_distributed() -> None:
    found = review("粮食产量、生猪出栏分别居全省第二、第五位。")
    assert [(s.subject, s.value) for s in found] == [
        ("粮食产量全省排名", 2),
        ("生猪出栏全省排名", 5),
    ]


def test_same_as_another_figure_is_no_value() -> None:
    assert plan("人均生产总值增速与全省持平。") == []


def test_measure_words_quarters_and_a_world_rank_are_read() -> None:
    found = review("全年发射卫星6颗,夺得奖牌3枚,出口额居全球第3,连续4个季度增长。")
    assert [(s.value, s.unit, s.measure) for s in found] == [
        (6, "颗", Measure.LEVEL),
        (3, "枚", Measure.LEVEL),
        (3, None, Measure.RANK),
        (4, "个季度", Measure.LEVEL),
    ]


def test_people_counted_in_wan_are_wanren_and_a_bare_yi_stays_as_written() -> None:
    found = review("惠及12万群众,实现文旅收入35亿。")
    assert [(s.subject, s.value, s.unit) for s in found] == [
        ("惠及人数", 12, "万人"),
        ("文旅收入", 35, "亿"),
    ]


def test_a_range_is_at_least_its_lower_bound_up_to_the_upper() -> None:
    (growth,) = plan("地区生产总值增长5%–5.5%。")
    assert (growth.value, growth.upper, growth.qualifier) == (5, 5.5, Qualifier.AT_LEAST)


@given(st.integers(1, 30), st.integers(20, 50))
def test_an_industry_structure_ratio_gives_the_three_shares(first: int, second: int) -> None:
    third = 100 - first - second
    found = plan(f"三次产业结构调整为{first}:{second}:{third}。")
    assert [(s.subject, s.value, s.unit) for s in found] == [
        ("第一产业增加值比重", first, "%"),
        ("第二产业增加值比重", second, "%"),
        ("第三产业增加值比重", third, "%"),
    ]
