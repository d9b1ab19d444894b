"""环比: the latest in-year value against the period before it, in words; values new since."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.changes import (
    Change,
    Point,
    Way,
    change_words,
    month_on_month,
    new_since,
    period_before,
)
from planwatch.core.indicators import Direction
from planwatch.core.observations import Period

values = st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda v: round(v, 2))
months = st.integers(min_value=1, max_value=12)


def month(m: int, year: int = 2025) -> Period:
    return Period(year, month=m)


def test_the_latest_month_is_compared_with_the_month_before():
    points = [Point(month(8), 9.0), Point(month(9), 9.1), Point(month(10), 9.0)]
    change = month_on_month(points, 2025, month(9))
    assert change == Change(month(9), 9.1, month(8), 9.0)
    assert change_words(change, "%") == "比上月提高0.1个百分点"


def test_an_amount_changes_in_its_unit():
    change = month_on_month([Point(month(8), 1.36), Point(month(9), 1.52)], 2025, None)
    assert change_words(change, "万人") == "比上月增加0.16万人"
    assert change_words(change, "万人", english=True) == "up 0.16 万人 on the month before"


def test_a_quarter_is_compared_with_the_quarter_before():
    q = [Point(Period(2025, quarter=2), 6.3), Point(Period(2025, quarter=3), 6.2)]
    change = month_on_month(q, 2025, month(10))
    assert change_words(change, "%") == "比上季度下降0.1个百分点"
    assert change_words(change, "%", english=True) == (
        "down 0.1 percentage points on the quarter before"
    )


def test_january_starts_the_year_and_is_not_compared():
    change = month_on_month([Point(month(12, 2024), 5.0), Point(month(1), 1.0)], 2025, None)
    assert change.previous_period is None and change.delta is None
    assert change_words(change, "%") == "年内首期,无环比"


def test_a_missing_month_before_says_so():
    change = month_on_month([Point(month(7), 5.0), Point(month(9), 5.2)], 2025, None)
    assert change.previous is None
    assert change_words(change, "%") == "上期无数据"


def test_a_year_without_in_year_values_has_no_change():
    assert month_on_month([Point(Period(2025), 6.0)], 2025, None) is None
    assert month_on_month([Point(month(11), 6.0)], 2025, month(10)) is None


def test_a_fall_helps_an_indicator_where_lower_is_better():
    change = month_on_month([Point(month(8), 5.5), Point(month(9), 5.2)], 2025, None)
    assert change.better(Direction.LOWER) is True
    assert change.better(Direction.HIGHER) is False


@given(months, values, values)
def test_the_change_is_the_difference_and_its_words_say_which_way(m, before, now):
    points = [Point(month(m - 1), before), Point(month(m), now)] if m > 1 else []
    change = month_on_month(points, 2025, None)
    if m == 1:
        assert change is None
        return
    assert change.delta == now - before
    words = change_words(change, "%")
    assert ("提高" in words) == (change.way is Way.UP)
    assert ("下降" in words) == (change.way is Way.DOWN)
    assert ("持平" in words) == (change.way is Way.SAME)
    assert change.better(Direction.HIGHER) is (
        None if change.way is Way.SAME else change.way is Way.UP
    )


@given(st.lists(st.tuples(months, values), min_size=1, unique_by=lambda p: p[0]), months)
def test_the_change_never_reads_past_as_of_and_takes_the_latest_before_it(pairs, limit):
    points = [Point(month(m), v) for m, v in pairs]
    change = month_on_month(points, 2025, month(limit))
    kept = [m for m, _ in pairs if m <= limit]
    if not kept:
        assert change is None
    else:
        assert change.period == month(max(kept))
        assert change.previous_period == period_before(change.period)


@given(st.lists(st.integers(min_value=0, max_value=100)), st.integers(0, 100))
def test_new_values_are_exactly_those_stamped_after_the_moment(offsets, cut):
    start = datetime(2025, 10, 1)
    stamped = [(i, start + timedelta(hours=h)) for i, h in enumerate(offsets)]
    since = start + timedelta(hours=cut)
    assert new_since(stamped, since) == [i for i, h in enumerate(offsets) if h > cut]
    assert new_since(stamped, None) == list(range(len(offsets)))
