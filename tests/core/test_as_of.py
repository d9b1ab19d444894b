"""The as-of rules: which value stands for a period, what is owed, and the default month."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.as_of import (
    AsOf,
    AsOfRule,
    current_value,
    default_as_of,
    due_period,
    most_reported,
    standing,
)
from planwatch.core.evaluation import Verdict
from planwatch.core.indicators import Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.plan import PlanYear, annual_observation, evaluate_plan
from tests.core.builders import make_indicator, make_target


def ytd(value: float, period: str, *, code: str = "gdp_growth", status: Status = Status.ACTUAL):
    return Observation(code, Period.parse(period), value, status=status, cumulative=True)


def test_among_two_actuals_of_one_month_the_one_recorded_last_stands():
    older, newer = ytd(6.0, "2025-10"), ytd(6.4, "2025-10")
    assert current_value([older, newer], "gdp_growth", Period(2025, month=10)) is newer
    assert standing([older, newer], "gdp_growth", Period(2025, month=10)).value is newer


def test_among_two_actuals_of_one_year_the_one_recorded_last_stands():
    older = Observation("gdp_growth", Period(2025), 6.0)
    newer = Observation("gdp_growth", Period(2025), 6.4)
    assert annual_observation([older, newer], "gdp_growth", 2025) is newer


def test_in_year_and_whole_year_values_are_chosen_by_the_same_rule():
    """Finding 2: the in-year pick used max() (the oldest of equals), the annual the last."""
    month = [ytd(6.0, "2025-12"), ytd(6.4, "2025-12")]
    year = [Observation("gdp_growth", Period(2025), v) for v in (6.0, 6.4)]
    assert standing(month, "gdp_growth", Period(2025)).value.value == 6.4
    assert standing(year, "gdp_growth", Period(2025)).value.value == 6.4


@given(st.permutations([Status.ESTIMATE, Status.ACTUAL, Status.ESTIMATE]))
def test_an_actual_beats_an_estimate_whatever_the_order(statuses):
    values = [ytd(float(i), "2025-06", status=s) for i, s in enumerate(statuses)]
    chosen = current_value(values, "gdp_growth", Period(2025, month=6))
    assert chosen.status is Status.ACTUAL


def test_a_monthly_indicator_owes_the_month_a_quarterly_one_the_quarter_ended():
    october = Period(2025, month=10)
    assert due_period([ytd(1, "2025-09")], october) == Period(2025, month=10)
    assert due_period([ytd(1, "2025-Q3")], october) == Period(2025, quarter=3)
    assert due_period([], october) is None  # an annual indicator owes nothing in October
    assert due_period([ytd(1, "2025-Q1")], Period(2025, month=2)) is None


def test_a_value_after_the_as_of_period_does_not_count():
    later = [ytd(6.1, "2025-Q3"), ytd(6.3, "2025-Q4")]
    assert standing(later, "gdp_growth", Period(2025, month=10)).value.value == 6.1


def test_a_monthly_indicator_without_its_month_is_not_reported_with_its_last_value():
    found = standing([ytd(1.5, "2025-09")], "gdp_growth", Period(2025, month=10))
    assert found.value is None and found.not_reported
    assert (found.due, found.last.period) == (Period(2025, month=10), Period(2025, month=9))


def test_the_whole_year_value_counts_only_once_the_year_is_over():
    values = [ytd(6.1, "2025-Q3"), Observation("gdp_growth", Period(2025), 6.5, Status.ESTIMATE)]
    assert standing(values, "gdp_growth", Period(2025, month=10)).value.value == 6.1
    assert standing(values, "gdp_growth", Period(2025)).value.value == 6.5
    assert standing(values, "gdp_growth", Period(2025, month=12)).value.value == 6.5


def test_a_rate_without_the_value_it_owes_is_not_reported_not_judged_on_the_old_one():
    indicator, target = make_indicator(), make_target(value=6.0)
    plan = PlanYear("r", 2024, [indicator], [target], [ytd(6.2, "2024-Q3")], year_closed=True)
    (evaluation,) = evaluate_plan(plan, Period(2024))
    assert evaluation.verdict is Verdict.NOT_REPORTED
    assert evaluation.observation is None
    assert "2024-Q4" in evaluation.rule and "6.2" in evaluation.rule
    (judged,) = evaluate_plan(plan, Period(2024, month=10))
    assert judged.verdict is Verdict.MET


def test_a_quantity_without_the_month_it_owes_has_no_time_progress():
    jobs = make_indicator("jobs", kind=Kind.COUNT, unit="万人")
    plan = PlanYear(
        "r", 2024, [jobs], [make_target(value=2.0, code="jobs")], [ytd(1.5, "2024-09", code="jobs")]
    )
    (in_time,) = evaluate_plan(plan, Period(2024, month=9))
    assert in_time.progress is not None and in_time.progress.progress == 75.0
    (late,) = evaluate_plan(plan, Period(2024, month=10))
    assert (late.verdict, late.progress) == (Verdict.NOT_REPORTED, None)


def test_an_indicator_that_never_reported_has_no_data_rather_than_not_reported():
    plan = PlanYear("r", 2024, [make_indicator()], [make_target()], [])
    (evaluation,) = evaluate_plan(plan, Period(2024, month=10))
    assert evaluation.verdict is Verdict.NO_DATA


def test_the_default_month_is_the_latest_most_indicators_reported_in_not_the_latest_value():
    planned = ["a", "b", "c"]
    values = [
        ("a", Period(2025, month=9)),
        ("b", Period(2025, quarter=3)),  # a quarter counts for its last month
        ("a", Period(2025, month=10)),
        ("c", Period(2025, month=11)),  # one early value moves nothing
    ]
    assert most_reported(values, planned, 2025) == Period(2025, month=9)
    assert most_reported(values[:1], planned, 2025) is None


def test_december_with_most_indicators_reported_is_the_whole_year():
    values = [(c, Period(2024)) for c in ("a", "b")]
    assert most_reported(values, ["a", "b", "c"], 2024) == Period(2024)


def test_a_closed_reporting_period_wins_over_what_was_reported():
    values = [(c, Period(2025, month=10)) for c in ("a", "b")]
    chosen = default_as_of(2025, [Period(2025, month=6), Period(2024)], values, ["a", "b"])
    assert chosen == AsOf(Period(2025, month=6), AsOfRule.CLOSED_PERIOD)
    assert default_as_of(2025, [], values, ["a", "b"]).rule is AsOfRule.MOST_REPORTED
    assert default_as_of(2025, [], [], ["a"]) == AsOf(Period(2025), AsOfRule.WHOLE_YEAR)
