"""Numbers and target phrases as Chinese plan reports write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.targets import Target, TargetForm
from planwatch.core.wording import (
    figure,
    number,
    percent,
    points,
    predicate,
    target_phrase,
    yi,
    yuan_en,
)


def make_indicator(name: str = "地区生产总值增速", kind: Kind = Kind.GROWTH, unit: str = "%"):
    return Indicator("x", name, unit, kind, Direction.HIGHER, Binding.EXPECTED)


def make_target(form: TargetForm, text: str = "", value: float | None = None, **kw):
    return Target("x", 2025, form, text, value, **kw)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(6.0, "6"), (6.5, "6.5"), (2.65, "2.65"), (-0.0, "0"), (1e7, "10000000")],
)
def test_number_drops_trailing_zeros_and_never_uses_exponents(value, expected):
    assert number(value) == expected


def test_yi_writes_wan_as_yi_with_one_decimal_rounded_half_up():
    assert yi(Decimal(2582000)) == "258.2亿元"
    assert yi(Decimal(829000)) == "82.9亿元"
    assert yi(Decimal(500)) == "0.1亿元"
    assert yi(Decimal(0)) == "0.0亿元"


def test_percent_and_points_carry_their_units():
    assert percent(5.5) == "5.5%"
    assert points(-1.0) == "-1个百分点"


@pytest.mark.parametrize(
    ("form", "value", "phrase"),
    [
        (TargetForm.AT_LEAST, 6, "地区生产总值增长6%以上"),
        (TargetForm.APPROX, 9, "地区生产总值增长9%左右"),
        (TargetForm.POINT, 5, "地区生产总值增长5%"),
        (TargetForm.POSITIVE, None, "地区生产总值实现正增长"),
        (TargetForm.ASSIGNED, None, "地区生产总值以市上下达为准"),
    ],
)
def test_a_growth_target_is_written_as_growth_with_its_qualifier(form, value, phrase):
    assert target_phrase(make_target(form, value=value), make_indicator()) == phrase


def test_a_level_target_keeps_the_verb_the_office_wrote():
    grain = make_indicator("粮食产量", Kind.LEVEL, "万吨")
    target = make_target(TargetForm.AT_LEAST, "稳定在45万吨以上", 45)
    assert target_phrase(target, grain) == "粮食产量稳定在45万吨以上"


def test_an_upper_bound_on_a_share_is_controlled_within_it():
    rate = make_indicator("城镇调查失业率", Kind.SHARE, "%")
    assert target_phrase(make_target(TargetForm.AT_MOST, "5.5%", 5.5), rate) == (
        "城镇调查失业率控制在5.5%以内"
    )


def test_a_count_target_without_a_verb_is_the_bare_amount():
    jobs = make_indicator("城镇新增就业", Kind.LEVEL, "万人")
    assert target_phrase(make_target(TargetForm.POINT, "2万人", 2), jobs) == "城镇新增就业2万人"


def test_an_in_step_target_names_what_it_follows():
    income = make_indicator("全体居民人均可支配收入增速")
    target = make_target(TargetForm.IN_STEP_WITH, "同步", reference="gdp")
    assert predicate(target, income, make_indicator()) == "与地区生产总值增长保持同步"
    kept = make_target(TargetForm.IN_STEP_WITH, "与经济增长保持同步", reference="gdp")
    assert predicate(kept, income) == "与经济增长保持同步"


def test_a_range_target_is_written_from_low_to_high():
    target = make_target(TargetForm.RANGE, value=5, upper=6)
    assert predicate(target, make_indicator()) == "增长5—6%"


def test_a_figure_states_growth_decline_and_qualifiers():
    gdp = make_indicator()
    assert figure(6.5, gdp, qualifier="左右") == "增长6.5%左右"
    assert figure(-3, gdp) == "下降3%"
    assert figure(3000, make_indicator("产值", Kind.LEVEL, "亿元"), qualifier="突破") == (
        "突破3000亿元"
    )


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_yi_always_has_exactly_one_decimal_and_is_within_rounding(wan):
    text = yi(wan)
    amount = text.removesuffix("亿元")
    assert len(amount.split(".")[1]) == 1
    assert abs(Decimal(amount) - wan / 10000) <= Decimal("0.05")


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_number_round_trips_to_within_its_precision(value):
    text = number(value)
    assert "e" not in text.lower()
    assert not (("." in text) and text.endswith("0"))
    assert abs(float(text) - value) <= 0.005 + 1e-9


@given(st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=0, max_value=4))
def test_any_stored_float_is_written_without_raising(value, decimals):
    text = number(value, decimals)
    assert text and "E" not in text and "e" not in text


def test_a_value_of_1e30_is_written_in_full_and_as_money():
    assert number(1e30) == "1" + "0" * 30
    assert yi(1e30) == "1" + "0" * 26 + ".0亿元"
    assert number(float("inf")) == "暂无数据"


@pytest.mark.parametrize(
    ("wan", "english"),
    [
        (935, "¥9.35 million"),
        (93.5, "¥935 thousand"),
        (2582000, "¥25.8 billion"),
        (0.05, "¥500"),
        (-120, "-¥1.2 million"),
    ],
)
def test_money_in_wan_reads_in_millions_in_english(wan, english):
    assert yuan_en(wan) == english
