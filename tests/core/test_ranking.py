"""Ranking districts on an indicator: direction, ties, missing values and change of rank."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.as_of import AsOf, AsOfRule
from planwatch.core.indicators import Direction
from planwatch.core.observations import Period
from planwatch.core.ranking import common_as_of, previous_period, ranking, ranks

values = st.one_of(
    st.none(),
    st.sampled_from([math.nan, math.inf]),
    st.floats(min_value=-50, max_value=50, allow_nan=False).map(lambda v: round(v, 1)),
)
districts = st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), values, max_size=12)
directions = st.sampled_from(list(Direction))


def _better(a: float, b: float, direction: Direction) -> bool:
    return a > b if direction is Direction.HIGHER else a < b


def test_more_is_better_ranks_the_highest_first_and_less_is_better_the_lowest() -> None:
    growth = {"fuling": 6.1, "nanchuan": 7.4, "wulong": 5.0}
    assert ranks(growth, Direction.HIGHER) == {"nanchuan": 1, "fuling": 2, "wulong": 3}
    assert ranks(growth, Direction.LOWER) == {"wulong": 1, "fuling": 2, "nanchuan": 3}


def test_equal_values_share_a_rank_and_the_next_rank_is_skipped() -> None:
    found = ranks({"a": 6.1, "b": 6.1, "c": 5.0, "d": 7.0}, Direction.HIGHER)
    assert found == {"d": 1, "a": 2, "b": 2, "c": 4}


def test_float_noise_does_not_break_a_tie() -> None:
    assert ranks({"a": 0.1 + 0.2, "b": 0.3}, Direction.HIGHER) == {"a": 1, "b": 1}


def test_missing_values_get_no_rank_and_come_last_in_the_given_order() -> None:
    rows = ranking(["z", "a", "m"], {"z": None, "a": 3.0, "m": math.nan}, Direction.HIGHER)
    assert [(r.key, r.rank) for r in rows] == [("a", 1), ("z", None), ("m", None)]
    assert rows[2].value is None  # a NaN is shown as no value


def test_change_of_rank_is_positive_for_a_district_that_moved_up() -> None:
    rows = ranking(
        ["a", "b", "c"],
        {"a": 9.0, "b": 5.0, "c": 1.0},
        Direction.HIGHER,
        previous={"a": 1.0, "b": 5.0},
    )
    assert [(r.key, r.rank, r.previous_rank, r.change) for r in rows] == [
        ("a", 1, 2, 1),
        ("b", 2, 1, -1),
        ("c", 3, None, None),
    ]


def test_the_previous_ranking_is_a_quarter_earlier_in_the_same_year() -> None:
    assert previous_period(Period(2025, month=9)) == Period(2025, month=6)
    assert previous_period(Period(2025, quarter=3)) == Period(2025, quarter=2)
    assert previous_period(Period(2025)) == Period(2024)
    assert previous_period(Period(2025, month=3)) is None
    assert previous_period(Period(2025, quarter=1)) is None


def test_the_city_ranks_as_of_the_latest_month_any_district_reached() -> None:
    sep = AsOf(Period(2025, month=9), AsOfRule.MOST_REPORTED)
    jun = AsOf(Period(2025, month=6), AsOfRule.CLOSED_PERIOD)
    whole = AsOf(Period(2025), AsOfRule.WHOLE_YEAR)
    assert common_as_of([jun, whole, sep], 2025) == sep
    assert common_as_of([whole], 2025) == whole
    assert common_as_of([], 2025) == whole


@given(districts, directions)
def test_a_rank_is_one_plus_the_number_of_strictly_better_values(values, direction) -> None:
    found = ranks(values, direction)
    present = {k: v for k, v in values.items() if v is not None and math.isfinite(v)}
    for key, value in values.items():
        if key not in present:
            assert found[key] is None
            continue
        better = sum(1 for other in present.values() if _better(other, value, direction))
        assert found[key] == 1 + better


@given(districts, directions)
def test_the_ranking_lists_every_district_once_best_first_missing_last(values, direction) -> None:
    keys = list(values)
    rows = ranking(keys, values, direction)
    assert sorted(r.key for r in rows) == sorted(keys)
    ranked = [r.rank for r in rows if r.rank is not None]
    assert ranked == sorted(ranked)
    assert all(r.rank is None for r in rows[len(ranked) :])
    if ranked:
        assert ranked[0] == 1


@given(districts)
def test_reversing_the_direction_of_negated_values_changes_no_rank(values) -> None:
    negated = {k: None if v is None else -v for k, v in values.items()}
    assert ranks(values, Direction.HIGHER) == ranks(negated, Direction.LOWER)


@given(districts, directions, st.randoms())
def test_the_order_the_districts_are_given_in_changes_no_rank(values, direction, rnd) -> None:
    keys = list(values)
    rnd.shuffle(keys)
    assert ranks({k: values[k] for k in keys}, direction) == ranks(values, direction)


@given(districts, districts, directions)
def test_a_change_of_rank_is_the_previous_rank_minus_the_current(now, before, direction) -> None:
    keys = list(now)
    for row in ranking(keys, now, direction, previous=before):
        if row.change is not None:
            assert row.rank is not None and row.previous_rank is not None
            assert row.change == row.previous_rank - row.rank
        else:
            assert row.rank is None or row.previous_rank is None
