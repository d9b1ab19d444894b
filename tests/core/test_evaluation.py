from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.evaluation import Judgement, Verdict, attainment, evaluate, tolerance_for
from planwatch.core.indicators import Direction, Kind
from planwatch.core.observations import Status
from planwatch.core.targets import TargetForm
from tests.core.builders import make_indicator, make_observation, make_target

GROWTH = make_indicator()
LEVEL = make_indicator("grain_output", kind=Kind.LEVEL, unit="万吨")
LOWER = make_indicator("unemployment_rate", kind=Kind.SHARE, direction=Direction.LOWER)


def verdict(indicator, target, actual: float | None) -> Verdict:
    obs = None if actual is None else make_observation(actual, code=indicator.code)
    return evaluate(indicator, target, obs).verdict


# at_least: above if actual > value + tol, met if >= value, else below
def test_at_least_is_met_when_actual_equals_target():
    assert verdict(GROWTH, make_target(TargetForm.AT_LEAST, 6), 6) is Verdict.MET


def test_at_least_is_met_at_the_tolerance_edge_and_above_beyond_it():
    target = make_target(TargetForm.AT_LEAST, 6)
    assert verdict(GROWTH, target, 6.5) is Verdict.MET
    assert verdict(GROWTH, target, 6.51) is Verdict.ABOVE


def test_at_least_is_below_just_under_target():
    assert verdict(GROWTH, make_target(TargetForm.AT_LEAST, 6), 5.99) is Verdict.BELOW


# point and approx: within ±tol is met
@pytest.mark.parametrize("form", [TargetForm.POINT, TargetForm.APPROX])
@pytest.mark.parametrize(
    ("actual", "expected"),
    [(9.5, Verdict.MET), (8.5, Verdict.MET), (9.51, Verdict.ABOVE), (8.49, Verdict.BELOW)],
)
def test_point_and_approx_are_met_within_tolerance(form, actual, expected):
    assert verdict(GROWTH, make_target(form, 9), actual) is expected


def test_level_tolerance_is_two_percent_of_the_target():
    target = make_target(TargetForm.POINT, 45)
    assert tolerance_for(LEVEL, target) == pytest.approx(0.9)
    assert verdict(LEVEL, target, 45.9) is Verdict.MET
    assert verdict(LEVEL, target, 45.91) is Verdict.ABOVE


def test_tolerance_of_target_overrides_indicator_which_overrides_default():
    indicator = make_indicator(tolerance=1.0)
    assert tolerance_for(indicator, make_target()) == 1.0
    assert tolerance_for(indicator, make_target(tolerance=0.2)) == 0.2
    assert tolerance_for(GROWTH, make_target()) == 0.5


# at_most: lower is better
def test_at_most_is_met_when_actual_equals_the_limit():
    assert verdict(LOWER, make_target(TargetForm.AT_MOST, 5.5), 5.5) is Verdict.MET


def test_at_most_is_below_when_the_limit_is_exceeded():
    assert verdict(LOWER, make_target(TargetForm.AT_MOST, 5.5), 5.6) is Verdict.BELOW


def test_lower_is_better_attainment_is_target_over_actual():
    result = evaluate(
        LOWER, make_target(TargetForm.AT_MOST, 5.5), make_observation(5.0, code=LOWER.code)
    )
    assert result.attainment == pytest.approx(110.0)


def test_point_target_of_a_lower_is_better_indicator_is_above_when_actual_is_lower():
    assert verdict(LOWER, make_target(TargetForm.POINT, 5.5), 4.0) is Verdict.ABOVE
    assert verdict(LOWER, make_target(TargetForm.POINT, 5.5), 7.0) is Verdict.BELOW


# positive
@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (0.6, Verdict.ABOVE),
        (0.5, Verdict.MET),
        (0.01, Verdict.MET),
        (0, Verdict.BELOW),
        (-3, Verdict.BELOW),
    ],
)
def test_positive_growth(actual, expected):
    assert verdict(GROWTH, make_target(TargetForm.POSITIVE, None), actual) is expected


def test_positive_growth_has_no_attainment_but_a_gap():
    result = evaluate(GROWTH, make_target(TargetForm.POSITIVE, None), make_observation(2.0))
    assert result.attainment is None
    assert result.gap == 2.0
    assert not result.flagged


# in_step_with
def test_in_step_with_compares_with_the_reference_actual():
    income = make_indicator("income_growth")
    target = make_target(
        TargetForm.IN_STEP_WITH, None, code="income_growth", reference="gdp_growth"
    )
    gdp = make_observation(6.5)

    def judge(value: float):
        return evaluate(
            income, target, make_observation(value, code="income_growth"), reference=gdp
        )

    assert judge(6.0).verdict is Verdict.MET
    assert judge(5.6).verdict is Verdict.BELOW
    assert judge(7.1).verdict is Verdict.ABOVE
    assert judge(5.6).attainment == pytest.approx(5.6 / 6.5 * 100)


def test_in_step_with_without_the_reference_value_is_no_data():
    target = make_target(TargetForm.IN_STEP_WITH, None, reference="gdp_growth")
    assert evaluate(GROWTH, target, make_observation(5.0)).verdict is Verdict.NO_DATA


# range
@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (5, Verdict.MET),
        (6, Verdict.MET),
        (5.5, Verdict.MET),
        (4.9, Verdict.BELOW),
        (6.1, Verdict.ABOVE),
    ],
)
def test_range_is_met_inside_inclusive(actual, expected):
    assert verdict(GROWTH, make_target(TargetForm.RANGE, 5, upper=6), actual) is expected


def test_range_outside_above_is_below_for_lower_is_better():
    assert verdict(LOWER, make_target(TargetForm.RANGE, 3, upper=4), 4.5) is Verdict.BELOW
    assert verdict(LOWER, make_target(TargetForm.RANGE, 3, upper=4), 2.5) is Verdict.ABOVE


def test_range_needs_upper_at_least_lower():
    with pytest.raises(InvalidValue):
        make_target(TargetForm.RANGE, 6, upper=5)


# assigned
def test_assigned_without_value_is_no_target_once_the_year_is_closed():
    target = make_target(TargetForm.ASSIGNED, None)
    assert evaluate(LOWER, target, None).verdict is Verdict.NO_TARGET
    assert evaluate(LOWER, target, None, year_closed=False).verdict is Verdict.AWAITING


def test_assigned_with_value_is_a_bound_in_the_indicators_direction():
    assert verdict(LOWER, make_target(TargetForm.ASSIGNED, 10), 9) is Verdict.MET
    assert verdict(LOWER, make_target(TargetForm.ASSIGNED, 10), 11) is Verdict.BELOW
    assert verdict(GROWTH, make_target(TargetForm.ASSIGNED, 3), 3.6) is Verdict.ABOVE


def test_no_target_at_all_is_no_target():
    assert evaluate(GROWTH, None, make_observation(5)).verdict is Verdict.NO_TARGET


# qualitative
def test_qualitative_needs_a_persons_judgement():
    target = make_target(TargetForm.QUALITATIVE, None)
    assert evaluate(GROWTH, target, None).verdict is Verdict.NEEDS_JUDGEMENT
    judged = evaluate(GROWTH, target, None, judgement=Judgement(Verdict.MET, "试点如期建成"))
    assert judged.verdict is Verdict.MET
    assert "试点如期建成" in judged.rule


# missing data, estimates, attainment and flag
def test_missing_observation_is_no_data():
    assert verdict(GROWTH, make_target(), None) is Verdict.NO_DATA


def test_an_estimate_evaluates_like_an_actual_but_is_marked():
    actual = evaluate(GROWTH, make_target(), make_observation(5))
    estimate = evaluate(GROWTH, make_target(), make_observation(5, status=Status.ESTIMATE))
    assert estimate.verdict is actual.verdict
    assert estimate.is_estimate and not actual.is_estimate


def test_negative_growth_gives_negative_attainment_and_is_flagged():
    result = evaluate(GROWTH, make_target(TargetForm.POINT, 8), make_observation(-2))
    assert result.verdict is Verdict.BELOW
    assert result.attainment == pytest.approx(-25.0)
    assert result.flagged


def test_target_zero_has_undefined_attainment_and_a_gap_instead():
    result = evaluate(GROWTH, make_target(TargetForm.POINT, 0), make_observation(0.3))
    assert result.attainment is None
    assert result.gap == pytest.approx(0.3)
    assert result.verdict is Verdict.MET


def test_attainment_under_80_percent_is_flagged_and_exactly_80_is_not():
    assert evaluate(GROWTH, make_target(value=10), make_observation(7.99)).flagged
    assert not evaluate(GROWTH, make_target(value=10), make_observation(8)).flagged


def test_flag_threshold_can_be_set_per_indicator():
    strict = make_indicator(flag_below=95)
    assert evaluate(strict, make_target(value=10), make_observation(9)).flagged


def test_lower_is_better_with_zero_actual_has_no_attainment():
    assert attainment(LOWER, 0, 5) is None


def test_every_verdict_records_its_rule():
    result = evaluate(GROWTH, make_target(TargetForm.AT_LEAST, 6), make_observation(6.5))
    assert result.rule.startswith("at_least:")


def test_target_forms_that_need_a_value_refuse_none():
    with pytest.raises(InvalidValue):
        make_target(TargetForm.AT_LEAST, None)


# properties
ORDER = {Verdict.BELOW: 0, Verdict.MET: 1, Verdict.ABOVE: 2}
NUMBERS = st.floats(min_value=-50, max_value=500, allow_nan=False)
FORMS = st.sampled_from(
    [TargetForm.AT_LEAST, TargetForm.POINT, TargetForm.APPROX, TargetForm.AT_MOST]
)


@given(form=FORMS, value=NUMBERS, low=NUMBERS, raise_by=st.floats(min_value=0, max_value=100))
def test_raising_the_actual_of_higher_is_better_never_worsens_the_verdict(
    form, value, low, raise_by
):
    target = make_target(form, value)
    before = verdict(GROWTH, target, low)
    after = verdict(GROWTH, target, low + raise_by)
    if (
        form is not TargetForm.AT_MOST
    ):  # a ceiling on a higher-is-better indicator is a different rule
        assert ORDER[after] >= ORDER[before]


@given(form=FORMS, value=NUMBERS, high=NUMBERS, lower_by=st.floats(min_value=0, max_value=100))
def test_lowering_the_actual_of_lower_is_better_never_worsens_the_verdict(
    form, value, high, lower_by
):
    target = make_target(form, value)
    before = verdict(LOWER, target, high)
    after = verdict(LOWER, target, high - lower_by)
    if form is not TargetForm.AT_LEAST:
        assert ORDER[after] >= ORDER[before]


@given(value=st.floats(min_value=0.1, max_value=1000), actual=NUMBERS)
def test_flag_agrees_with_attainment(value, actual):
    result = evaluate(GROWTH, make_target(value=value), make_observation(actual))
    assert result.flagged == (result.attainment is not None and result.attainment < 80)


@given(value=NUMBERS, actual=NUMBERS)
def test_at_least_met_or_above_exactly_when_actual_reaches_target(value, actual):
    result = verdict(GROWTH, make_target(TargetForm.AT_LEAST, value), actual)
    assert (result is not Verdict.BELOW) == (actual >= value)
