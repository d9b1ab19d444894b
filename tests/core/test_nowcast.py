from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.indicators import Direction, Kind
from planwatch.core.nowcast import assess, assess_plan
from planwatch.core.observations import Observation, Period
from planwatch.core.plan import PlanYear
from planwatch.core.risk import Tier, bar_for
from planwatch.core.targets import TargetForm
from tests.core.builders import make_indicator, make_target

OCT = Period.parse("2025-10")


def ytd(value, period, code="gdp_growth", cumulative=True):
    return Observation(code, Period.parse(period), value, cumulative=cumulative, source="t")


def test_a_growth_far_below_its_target_late_in_the_year_is_unlikely_to_be_met():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 9.0), None)
    result = assess(ind, bar, [ytd(7.5, "2025-09"), ytd(8.1, "2025-10")], [], OCT)
    assert result.tier is Tier.AT_RISK
    assert result.pace == pytest.approx(13.5)  # the 后两个月需增长…
    assert result.method == "cumulative_growth" and "misses" in result.rule


def test_a_point_target_within_its_tolerance_is_on_track():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.POINT, 5.0), None)
    result = assess(ind, bar, [ytd(4.9, "2025-10")], [], OCT)
    assert result.tier is Tier.ON_TRACK  # bar 4.5, interval 4.9 ± 1/6


def test_a_bar_inside_the_interval_needs_more_effort():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 6.0), None)
    result = assess(ind, bar, [ytd(6.1, "2025-06")], [], Period.parse("2025-06"))
    assert result.tier is Tier.PUSH


def test_only_values_up_to_the_as_of_month_count():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 6.0), None)
    result = assess(ind, bar, [ytd(3.0, "2025-06"), ytd(9.0, "2025-11")], [], OCT)
    assert result.latest.period == Period.parse("2025-06")


def test_a_level_target_already_met_needs_nothing_more():
    ind = make_indicator("jobs", kind=Kind.LEVEL, unit="万人")
    bar = bar_for(ind, make_target(TargetForm.POINT, 2.0, code="jobs"), None)
    result = assess(ind, bar, [ytd(2.1, "2025-10", "jobs")], [], OCT)
    assert (result.tier, result.pace, result.pace_kind) == (Tier.ON_TRACK, 0.0, "amount")


def test_a_level_target_follows_last_years_path_when_it_is_known():
    ind = make_indicator("jobs", kind=Kind.LEVEL, unit="万人")
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 2.0, code="jobs"), None)
    last = [ytd(1.5, "2024-10", "jobs"), Observation("jobs", Period(2024), 2.0, source="t")]
    result = assess(ind, bar, [ytd(1.65, "2025-10", "jobs")], last, OCT)
    assert result.nowcast == pytest.approx(2.2)  # 10 % above last year's path
    assert result.pace == pytest.approx(0.35)
    assert "last year's path" in result.rule


def test_without_last_years_path_a_level_is_scaled_by_time_progress():
    ind = make_indicator("fdi", kind=Kind.LEVEL, unit="万美元")
    bar = bar_for(ind, make_target(TargetForm.POINT, 1000.0, code="fdi"), None)
    result = assess(ind, bar, [ytd(640, "2025-09", "fdi")], [], OCT)
    assert result.nowcast == pytest.approx(640 / 0.75)
    assert result.tier is Tier.AT_RISK and "time progress" in result.rule


def test_last_years_path_at_zero_falls_back_to_time_progress():
    ind = make_indicator("fdi", kind=Kind.LEVEL, unit="万美元")
    bar = bar_for(ind, make_target(TargetForm.POINT, 1000.0, code="fdi"), None)
    last = [ytd(0.0, "2024-09", "fdi"), Observation("fdi", Period(2024), 900.0, source="t")]
    result = assess(ind, bar, [ytd(640, "2025-09", "fdi")], last, OCT)
    assert "time progress" in result.rule


def test_a_lower_is_better_amount_past_its_bar_cannot_come_back():
    ind = make_indicator("deaths", kind=Kind.COUNT, unit="人", direction=Direction.LOWER)
    bar = bar_for(ind, make_target(TargetForm.AT_MOST, 0.0, code="deaths"), None)
    result = assess(ind, bar, [ytd(1, "2025-05", "deaths")], [], OCT)
    assert result.tier is Tier.AT_RISK and "cannot fall" in result.rule


def test_a_rate_that_is_not_cumulative_is_judged_on_its_latest_value_and_trend():
    ind = make_indicator("unemployment", kind=Kind.SHARE, direction=Direction.LOWER)
    bar = bar_for(ind, make_target(TargetForm.AT_MOST, 5.5, code="unemployment"), None)
    steady = [
        ytd(5.2, "2025-09", "unemployment", False),
        ytd(5.1, "2025-10", "unemployment", False),
    ]
    assert assess(ind, bar, steady, [], OCT).tier is Tier.ON_TRACK
    rising = [
        ytd(4.6, "2025-09", "unemployment", False),
        ytd(5.4, "2025-10", "unemployment", False),
    ]
    worse = assess(ind, bar, rising, [], OCT)
    assert worse.tier is Tier.PUSH and worse.method == "latest_value"


def test_the_years_own_value_decides_once_it_is_in():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 6.0), None)
    annual = Observation("gdp_growth", Period(2025), 5.0, source="t")
    result = assess(ind, bar, [ytd(6.5, "2025-09"), annual], [], OCT)
    assert (result.method, result.tier) == ("annual", Tier.AT_RISK)


def test_data_that_cannot_support_a_nowcast_says_so():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 6.0), None)
    result = assess(ind, bar, [], [], OCT)
    assert result.tier is Tier.NOT_ASSESSED and "暂无数据" in result.rule
    assert bar_for(ind, make_target(TargetForm.QUALITATIVE, None), None) is None
    assert bar_for(ind, make_target(TargetForm.ASSIGNED, None), None) is None


def test_in_step_with_is_judged_against_the_nowcast_it_follows_and_tiers_sort_at_risk_first():
    gdp, income = make_indicator(), make_indicator("income")
    plan = PlanYear(
        "r",
        2025,
        [gdp, income],
        [
            replace(make_target(TargetForm.AT_LEAST, 6.0), year=2025),
            replace(
                make_target(TargetForm.IN_STEP_WITH, None, code="income", reference="gdp_growth"),
                year=2025,
            ),
        ],
        [ytd(6.2, "2025-09"), ytd(4.0, "2025-09", "income")],
    )
    results = assess_plan(plan, [], OCT)
    assert results[1].bar.goal == pytest.approx(results[0].nowcast)
    assert results[1].tier is Tier.AT_RISK
    assert sorted(t.order for t in Tier) == [0, 1, 2, 3]
    assert Tier.AT_RISK.order < Tier.PUSH.order < Tier.ON_TRACK.order


def test_a_target_without_a_bar_says_why():
    plan = PlanYear(
        "r",
        2025,
        [make_indicator()],
        [replace(make_target(TargetForm.ASSIGNED, None), year=2025)],
        [ytd(6.2, "2025-09")],
    )
    assert "待上级下达" in assess_plan(plan, [], OCT)[0].rule


RANK = {Tier.ON_TRACK: 0, Tier.PUSH: 1, Tier.AT_RISK: 2}


@given(
    ytd_growth=st.floats(min_value=-20, max_value=30),
    more=st.floats(min_value=0, max_value=10),
    month=st.integers(min_value=1, max_value=11),
    goal=st.floats(min_value=-5, max_value=15),
)
def test_a_higher_year_to_date_growth_never_worsens_the_tier(ytd_growth, more, month, goal):
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, goal), None)
    period = f"2025-{month:02d}"
    when = Period.parse(period)
    lower = assess(ind, bar, [ytd(ytd_growth, period)], [], when)
    higher = assess(ind, bar, [ytd(ytd_growth + more, period)], [], when)
    assert RANK[higher.tier] <= RANK[lower.tier]
    assert higher.pace <= lower.pace + 1e-9
