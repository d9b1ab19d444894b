"""The one number parser: digits, full-width forms, Chinese numerals, magnitudes, qualifiers."""

from __future__ import annotations

import cn2an  # type: ignore[import-untyped]  # no type information shipped
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.numbers import (
    Qualifier,
    find_quantities,
    format_quantity,
    parse_chinese_integer,
    parse_number,
    parse_quantity,
    to_halfwidth,
)

_FULL = str.maketrans("0123456789.%-", "０１２３４５６７８９．％－")
units = st.sampled_from(["%", "亿元", "万人", "个", "万亩", "平方公里", "个百分点", "万人次"])
values = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False).map(float)


@given(values, units)
def test_formatting_a_value_then_parsing_it_gives_it_back(value: float, unit: str) -> None:
    parsed = parse_quantity(format_quantity(value, unit))
    assert (parsed.value, parsed.unit) == (value, unit)


@given(values, units)
def test_full_width_and_half_width_digits_parse_the_same(value: float, unit: str) -> None:
    text = format_quantity(value, unit)
    assert parse_quantity(text.translate(_FULL)) == parse_quantity(text)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_numerals_written_by_cn2an_parse_back(number: int) -> None:
    assert parse_chinese_integer(cn2an.an2cn(number)) == number


@pytest.mark.parametrize(
    ("text", "value"),
    [("一百二十", 120), ("两", 2), ("十", 10), ("十五", 15), ("三亿五千万", 350_000_000)],
)
def test_chinese_integer_numerals_have_their_value(text: str, value: int) -> None:
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234.5", 1234.5), ("１２．５", 12.5), ("－3", -3), ("3.5万", 35000), ("一百二十", 120)],
)
def test_parse_number_reads_separators_signs_and_magnitudes(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("突破3000亿元", 3000, "亿元", Qualifier.AT_LEAST),
        ("6.5%左右", 6.5, "%", Qualifier.APPROX),
        ("近100场次", 100, "场次", Qualifier.APPROX),
        ("约7.4万家", 7.4, "万家", Qualifier.APPROX),
        ("31万余个", 31, "万个", Qualifier.AT_LEAST),
        ("3000余万条", 3000, "万条", Qualifier.AT_LEAST),
        ("110余场", 110, "场", Qualifier.AT_LEAST),
        ("超过5亿元", 5, "亿元", Qualifier.AT_LEAST),
        ("不低于95%", 95, "%", Qualifier.AT_LEAST),
        ("45万吨以上", 45, "万吨", Qualifier.AT_LEAST),
        ("控制在5.5%以内", 5.5, "%", Qualifier.AT_MOST),
        ("19%以下", 19, "%", Qualifier.AT_MOST),
        ("不超过3%", 3, "%", Qualifier.AT_MOST),
        ("5个百分点以上", 5, "个百分点", Qualifier.AT_LEAST),
        ("2.3万人", 2.3, "万人", Qualifier.EXACT),
        ("1,234.5亿元", 1234.5, "亿元", Qualifier.EXACT),
        ("一百二十个", 120, "个", Qualifier.EXACT),
        ("百亿", 100, "亿元", Qualifier.EXACT),
        ("700亿立方", 700, "亿立方米", Qualifier.EXACT),
        ("220千伏", 220, "千伏", Qualifier.EXACT),
        ("2.2万家(次)", 2.2, "万家(次)", Qualifier.EXACT),
    ],
)
def test_a_quantity_keeps_its_magnitude_in_the_unit_and_reads_its_qualifier(
    text: str, value: float, unit: str, qualifier: Qualifier
) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", ["5%—6%", "5-6%", "５％－６％", "5%～6%", "5%至6%"])
def test_a_range_has_a_lower_and_an_upper_value(text: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.upper, q.unit) == (5, 6, "%")


def test_years_latin_names_and_formulas_are_not_quantities() -> None:
    found = find_quantities("2024年,5G基站,PM2.5浓度,1+3+6+N")
    assert found == []


def test_a_number_without_a_unit_is_found_with_no_unit() -> None:
    (q,) = find_quantities("尼龙66")
    assert (q.value, q.unit) == (66, None)


def test_a_unit_after_a_latin_abbreviation_still_counts() -> None:
    (q,) = find_quantities("完成GDP2917.85亿元")
    assert (q.value, q.unit) == (2917.85, "亿元")


def test_positions_in_full_width_text_are_positions_in_the_original() -> None:
    text = "增长６．５％左右"
    (q,) = find_quantities(text)
    assert text[q.start : q.end] == "６．５％左右"


def test_to_halfwidth_maps_one_character_to_one() -> None:
    text = "０１２３４５６７８９．％－＋，"
    assert len(to_halfwidth(text)) == len(text)


@pytest.mark.parametrize("text", ["", "增长", "5%和6%", "abc"])
def test_text_that_is_not_one_quantity_is_an_invalid_value(text: str) -> None:
    with pytest.raises(InvalidValue):
        parse_quantity(text)


def test_an_unknown_chinese_numeral_character_is_an_invalid_value() -> None:
    with pytest.raises(InvalidValue):
        parse_chinese_integer("三个")
