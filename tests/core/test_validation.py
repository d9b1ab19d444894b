from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.indicators import Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.validation import Rules, Severity, check, default_rules, errors
from tests.core.builders import make_indicator

GDP = make_indicator()
INVESTMENT = make_indicator("fai", kind=Kind.LEVEL, unit="亿元")
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def obs(period: str, value: float, *, status=Status.ACTUAL, cumulative=False, note="", code=None):
    return Observation(
        indicator=code or GDP.code,
        period=Period.parse(period),
        value=value,
        status=status,
        cumulative=cumulative,
        note=note,
    )


def codes(findings):
    return [f.code for f in findings]


@settings(deadline=None)  # timing varies on a shared machine; the property does not
@given(st.floats(min_value=0, max_value=100))
def test_a_value_inside_the_range_with_no_history_has_no_findings(value):
    assert check(obs("2024", value), indicator=GDP, rules=Rules(minimum=0, maximum=100)) == []


@settings(deadline=None)
@given(finite, finite, finite)
def test_a_value_outside_the_range_is_always_refused(low, high, value):
    low, high = sorted((low, high))
    findings = check(obs("2024", value), indicator=GDP, rules=Rules(minimum=low, maximum=high))
    assert bool(errors(findings)) == (not low <= value <= high)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_that_is_not_a_finite_number_is_refused(value):
    assert codes(check(obs("2024", value), indicator=GDP, rules=Rules())) == ["not_a_number"]


def test_a_value_entered_in_another_unit_is_refused():
    findings = check(obs("2024", 1), indicator=INVESTMENT, rules=Rules(), unit="万元")
    assert (codes(findings), findings[0].field) == (["wrong_unit"], "unit")


@settings(deadline=None)
@given(finite, finite, st.floats(min_value=0, max_value=1e6))
def test_a_jump_beyond_the_limit_needs_a_remark_and_only_warns_with_one(before, after, limit):
    existing = [obs("2023", before)]
    rules = Rules(max_jump=limit)
    bare = check(obs("2024", after), indicator=GDP, rules=rules, existing=existing)
    remarked = check(
        obs("2024", after, note="统计口径调整"), indicator=GDP, rules=rules, existing=existing
    )
    jumped = abs(after - before) > limit
    assert codes(errors(bare)) == (["jump_needs_remark"] if jumped else [])
    assert errors(remarked) == []
    assert [f.severity for f in remarked] == ([Severity.WARNING] if jumped else [])


def test_the_jump_is_measured_from_the_previous_period_of_the_same_granularity():
    existing = [obs("2024-Q1", 100.0), obs("2023", 1.0), obs("2024-05", 2.0)]
    findings = check(
        obs("2024-Q2", 101.0), indicator=GDP, rules=Rules(max_jump=5), existing=existing
    )
    assert findings == []


@settings(deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=2, max_size=12))
def test_cumulative_values_may_rise_but_never_fall_within_a_year(values):
    existing = [
        obs(f"2024-{m:02d}", v, cumulative=True, code="fai")
        for m, v in enumerate(values[:-1], start=1)
    ]
    month = len(values)
    proposed = obs(f"2024-{month:02d}", values[-1], cumulative=True, code="fai")
    findings = check(proposed, indicator=INVESTMENT, rules=Rules(), existing=existing)
    assert ("cumulative_decrease" in codes(findings)) == (values[-1] < max(values[:-1]))


def test_a_cumulative_value_above_a_later_month_is_refused_and_other_years_do_not_count():
    existing = [obs("2024-06", 50.0, cumulative=True), obs("2023-12", 900.0, cumulative=True)]
    march = obs("2024-03", 60.0, cumulative=True)
    assert codes(check(march, indicator=INVESTMENT, rules=Rules(), existing=existing)) == [
        "cumulative_decrease"
    ]
    lower = obs("2024-03", 40.0, cumulative=True)
    assert check(lower, indicator=INVESTMENT, rules=Rules(), existing=existing) == []


def test_a_year_to_date_growth_rate_may_fall():
    existing = [obs("2024-06", 7.0, cumulative=True)]
    later = obs("2024-09", 5.5, cumulative=True)
    assert check(later, indicator=GDP, rules=Rules(), existing=existing) == []


def test_an_estimate_cannot_replace_an_actual_but_an_actual_replaces_an_estimate():
    actual, estimate = obs("2024", 6.1), obs("2024", 6.5, status=Status.ESTIMATE)
    refused = check(estimate, indicator=GDP, rules=Rules(), existing=[actual])
    assert codes(refused) == ["estimate_after_actual"]
    assert check(actual, indicator=GDP, rules=Rules(), existing=[estimate]) == []


def test_the_value_being_replaced_is_not_compared_with_itself():
    existing = [obs("2024", 1.0), obs("2023", 1.0)]
    assert check(obs("2024", 3.0), indicator=GDP, rules=Rules(max_jump=5), existing=existing) == []


def test_shares_default_to_0_to_100_and_levels_to_not_negative():
    share = make_indicator("forest", kind=Kind.SHARE)
    assert default_rules(share) == Rules(minimum=0, maximum=100)
    assert default_rules(INVESTMENT) == Rules(minimum=0)
    assert default_rules(GDP) == Rules()


def test_inconsistent_rules_are_refused():
    with pytest.raises(InvalidValue):
        Rules(minimum=5, maximum=1)
    with pytest.raises(InvalidValue):
        Rules(max_jump=-1)
