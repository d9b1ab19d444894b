"""Plausibility: hard bounds refuse a value, soft bounds want a remark and flag it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.observations import Period
from planwatch.core.plausibility import (
    Bounds,
    Earlier,
    assess,
    default_bounds,
    period_within,
    usual_change,
)
from planwatch.core.validation import Severity


def make_indicator(kind: Kind, unit: str = "%") -> Indicator:
    return Indicator("x", "某指标", unit, kind, Direction.HIGHER, Binding.EXPECTED)


RETAIL = make_indicator(Kind.GROWTH)
FDI = make_indicator(Kind.LEVEL, "万美元")
FIRMS = make_indicator(Kind.COUNT, "家")
AIR = make_indicator(Kind.COUNT, "天")
Y2025 = Period(2025)


def codes(findings) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in findings]


@given(st.floats(min_value=-100, max_value=1000))
def test_a_growth_rate_between_minus_100_and_1000_percent_passes_the_hard_bounds(value):
    found = assess(value, Y2025, indicator=RETAIL, bounds=default_bounds(RETAIL), remark="说明")
    assert all(f.severity is Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("indicator", "value"),
    [(RETAIL, -100.5), (RETAIL, 1000.5), (FIRMS, -3), (FDI, -1), (AIR, 367), (FDI, 1e30)],
)
def test_a_value_no_indicator_of_its_kind_can_have_is_refused_even_with_a_remark(indicator, value):
    found = assess(value, Y2025, indicator=indicator, bounds=default_bounds(indicator), remark="x")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert found[0].field == "value"


def test_a_level_far_above_its_target_needs_a_remark_and_is_flagged_with_one():
    bounds = default_bounds(FDI)
    bare = assess(1e9, Y2025, indicator=FDI, bounds=bounds, target=1000)
    assert codes(bare) == [("far_above_target", Severity.ERROR)] and bare[0].field == "note"
    remarked = assess(1e9, Y2025, indicator=FDI, bounds=bounds, target=1000, remark="外资大项目")
    assert codes(remarked) == [("far_above_target", Severity.WARNING)]


def test_500_percent_retail_growth_against_a_target_of_6_is_flagged():
    found = assess(500, Y2025, indicator=RETAIL, bounds=default_bounds(RETAIL), target=6)
    assert codes(found) == [("far_above_target", Severity.ERROR)]


def test_a_jump_beyond_n_times_the_usual_change_needs_a_remark():
    months = [Earlier(Period(2025, month=m), 5.0 + 0.1 * m) for m in range(1, 7)]
    assert usual_change(Period(2025, month=7), months) == pytest.approx(0.1)
    bounds = default_bounds(RETAIL)
    july = Period(2025, month=7)
    assert assess(5.8, july, indicator=RETAIL, bounds=bounds, earlier=months) == []
    assert codes(assess(9.0, july, indicator=RETAIL, bounds=bounds, earlier=months)) == [
        ("unusual_jump", Severity.ERROR)
    ]


def test_an_indicator_may_switch_the_soft_checks_off():
    bounds = Bounds(minimum=0, jump_factor=None, target_factor=None)
    assert assess(1e9, Y2025, indicator=FDI, bounds=bounds, target=1000) == []


@pytest.mark.parametrize(("year", "inside"), [(0, False), (1, False), (9999, False), (2022, True)])
def test_a_period_lies_within_the_plans_years_give_or_take_two(year, inside):
    assert period_within(Period(year), [2024, 2025]) is inside
