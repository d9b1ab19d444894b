import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.pace import (
    amount_needed,
    nowcast_growth,
    recent_growth,
    rest_of_year_growth,
    rest_of_year_growth_from_levels,
    year_growth,
)

growth = st.floats(min_value=-50, max_value=50)
share = st.floats(min_value=0.01, max_value=0.99)


def test_the_issues_example_needs_the_rest_of_the_year_to_grow_faster():
    # 1—10月 8.1%, target 9%, January–October was 10/12 of last year: the last two
    # months must grow 9 + (9 − 8.1) × 10/2 = 13.5 %.
    assert rest_of_year_growth(9, 8.1, 10 / 12) == pytest.approx(13.5)


def test_the_level_formula_agrees_with_the_share_formula():
    # L0 = 1000, P0 = 800, P = 800 × 1.05: (1000 × 1.09 − 840) / 200 − 1 = 25 %.
    assert rest_of_year_growth_from_levels(9, 1000, 800, 840) == pytest.approx(25.0)
    assert rest_of_year_growth(9, 5, 0.8) == pytest.approx(25.0)


def test_a_target_already_met_needs_less_than_the_year_to_date_growth():
    # Ahead of target: the rest of the year may grow slower than the target.
    assert rest_of_year_growth(5, 8, 0.75) == pytest.approx(-4.0)


def test_a_declining_series_needs_a_steeper_rebound():
    assert rest_of_year_growth(0, -6, 0.5) == pytest.approx(6.0)


def test_a_target_of_zero_is_a_target_like_any_other():
    assert rest_of_year_growth(0, 2, 0.5) == pytest.approx(-2.0)
    assert amount_needed(0, 3) == 0.0


def test_last_years_remaining_months_zero_or_missing_leave_no_pace():
    assert rest_of_year_growth_from_levels(9, 1000, 1000, 1050) is None
    assert rest_of_year_growth_from_levels(9, 0, 0, 10) is None
    assert rest_of_year_growth(9, 5, 1.0) is None


def test_a_level_target_needs_the_amount_still_missing_and_nothing_once_met():
    assert amount_needed(2.0, 1.66) == pytest.approx(0.34)
    assert amount_needed(2.0, 2.3) == 0.0


def test_one_reading_is_carried_forward_with_an_interval_that_shrinks_with_the_year():
    early = nowcast_growth([(2 / 12, 8.0)])
    late = nowcast_growth([(10 / 12, 8.0)])
    assert early.central == late.central == pytest.approx(8.0)
    assert late.half_width < early.half_width


def test_recent_months_are_recovered_from_two_year_to_date_readings():
    # Jan–Jun 6 %, Jan–Sep 7 %: July–September grew (0.75×7 − 0.5×6) / 0.25 = 9 %.
    assert recent_growth((0.5, 6.0), (0.75, 7.0)) == pytest.approx(9.0)
    assert recent_growth((0.5, 6.0), (0.5, 7.0)) is None


def test_momentum_moves_the_rest_of_the_year_towards_the_recent_months():
    readings = [(0.5, 6.0), (0.75, 7.0)]
    assert nowcast_growth(readings).central == pytest.approx(7.0)
    # the rest grows (9 + 7) / 2 = 8: 0.75 × 7 + 0.25 × 8
    assert nowcast_growth(readings, momentum=0.5).central == pytest.approx(7.25)


def test_with_last_years_growth_the_rest_of_the_year_grows_as_last_year_did():
    # 1—10月 8.1 %, last year 6.0 %: November–December are forecast at 6.0 %.
    cast = nowcast_growth([(10 / 12, 8.1)], last_year=6.0)
    assert cast.rest == pytest.approx(6.0)
    assert cast.central == pytest.approx(10 / 12 * 8.1 + 2 / 12 * 6.0)
    carried = nowcast_growth([(10 / 12, 8.1)], last_year=6.0, reversion=0)
    assert carried.central == pytest.approx(8.1)


def test_an_unknown_last_year_leaves_the_year_to_date_growth_carried_forward():
    assert nowcast_growth([(0.5, 4.0)], last_year=None).central == pytest.approx(4.0)
    assert nowcast_growth([(0.5, 4.0)], last_year=math.nan).central == pytest.approx(4.0)


def test_a_reading_outside_the_year_is_refused():
    with pytest.raises(ValueError):
        nowcast_growth([])
    with pytest.raises(ValueError):
        nowcast_growth([(1.5, 3.0)])


@given(target=growth, ytd=growth, weight=share)
def test_growing_at_the_pace_needed_meets_the_target_exactly(target, ytd, weight):
    rest = rest_of_year_growth(target, ytd, weight)
    assert rest is not None
    assert year_growth(weight, ytd, rest) == pytest.approx(target, abs=1e-6)


@given(target=growth, ytd=growth, weight=share)
def test_more_growth_so_far_never_raises_the_pace_needed(target, ytd, weight):
    assert rest_of_year_growth(target, ytd + 1, weight) <= rest_of_year_growth(target, ytd, weight)


@given(readings=st.lists(st.tuples(share, growth), min_size=1, max_size=6))
def test_the_interval_always_holds_the_nowcast(readings):
    ordered = sorted(readings)
    cast = nowcast_growth(ordered)
    assert cast.low <= cast.central <= cast.high
    assert math.isfinite(cast.central)


@given(ytd=growth, last=growth, weight=share, k=st.floats(min_value=0, max_value=1))
def test_the_nowcast_lies_between_the_year_to_date_and_last_years_growth(ytd, last, weight, k):
    cast = nowcast_growth([(weight, ytd)], last_year=last, reversion=k)
    assert min(ytd, last) - 1e-9 <= cast.central <= max(ytd, last) + 1e-9
    assert cast.low <= cast.central <= cast.high


@given(readings=st.lists(st.tuples(share, growth), min_size=1, max_size=6), last=growth)
def test_the_interval_holds_the_nowcast_and_shrinks_to_nothing_at_december(readings, last):
    ordered = sorted(readings)
    cast = nowcast_growth(ordered, last_year=last)
    assert cast.low <= cast.central <= cast.high
    december = nowcast_growth([*ordered, (1.0, ordered[-1][1])], last_year=last)
    assert december.low == december.high == pytest.approx(ordered[-1][1])


@given(target=growth, ytd=growth, weight=share)
def test_a_target_already_met_never_needs_more_than_the_target(target, ytd, weight):
    needed = rest_of_year_growth(target, ytd, weight)
    if ytd >= target:
        assert needed <= target + 1e-9
    else:
        assert needed > target - 1e-9


@given(ytd=st.floats(min_value=-50, max_value=-0.1), target=st.floats(0, 20), weight=share)
def test_a_declining_series_needs_the_rest_of_the_year_to_beat_the_target(ytd, target, weight):
    assert rest_of_year_growth(target, ytd, weight) > target


@given(ytd=growth, weight=share)
def test_a_target_of_zero_needs_the_rest_to_undo_the_year_to_date(ytd, weight):
    needed = rest_of_year_growth(0.0, ytd, weight)
    assert year_growth(weight, ytd, needed) == pytest.approx(0.0, abs=1e-6)
    assert needed * ytd <= 1e-9  # opposite signs (or zero)


@given(
    target=growth,
    annual=st.floats(min_value=1, max_value=1e6),
    part=st.floats(min_value=0, max_value=2),
    now=st.floats(min_value=0, max_value=1e6),
)
def test_the_level_formula_has_no_pace_when_last_years_rest_is_zero_or_negative(
    target, annual, part, now
):
    ytd_last = annual * part
    pace = rest_of_year_growth_from_levels(target, annual, ytd_last, now)
    assert (pace is None) == (ytd_last >= annual)


@given(goal=st.floats(0, 1e6), done=st.floats(0, 2e6))
def test_a_level_target_never_needs_a_negative_amount(goal, done):
    needed = amount_needed(goal, done)
    assert needed >= 0
    assert (needed == 0) == (done >= goal)
