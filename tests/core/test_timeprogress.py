import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.timeprogress import Light, expected_share, time_progress


def test_progress_at_time_progress_is_green():
    result = time_progress(cumulative=1.0, annual_target=2.0, elapsed=0.5)
    assert (result.progress, result.expected, result.light) == (50.0, 50.0, Light.GREEN)


def test_progress_within_ten_points_behind_is_amber_and_beyond_is_red():
    assert time_progress(0.8, 2.0, 0.5).light is Light.AMBER  # 40 vs 50: exactly 10 behind
    assert time_progress(0.79, 2.0, 0.5).light is Light.RED


def test_gap_is_progress_minus_expected():
    assert time_progress(1.2, 2.0, 0.5).gap == pytest.approx(10.0)


def test_linear_year_and_seasonal_profile():
    assert expected_share(6) == 0.5
    profile = [0.05, 0.1, 0.2, 0.3, 0.4, 0.55, 0.6, 0.7, 0.8, 0.85, 0.9, 1.0]
    assert expected_share(6, profile) == 0.55


def test_bad_inputs_are_refused():
    with pytest.raises(InvalidValue):
        time_progress(1, 0, 0.5)
    with pytest.raises(InvalidValue):
        expected_share(13)
    with pytest.raises(InvalidValue):
        expected_share(3, [0.5, 0.4] + [1.0] * 10)


@given(
    cumulative=st.floats(min_value=0, max_value=1e6),
    more=st.floats(min_value=0, max_value=1e6),
    target=st.floats(min_value=0.01, max_value=1e6),
    elapsed=st.floats(min_value=0, max_value=1),
)
def test_more_work_done_never_worsens_the_light(cumulative, more, target, elapsed):
    rank = {Light.RED: 0, Light.AMBER: 1, Light.GREEN: 2}
    before = time_progress(cumulative, target, elapsed).light
    after = time_progress(cumulative + more, target, elapsed).light
    assert rank[after] >= rank[before]
