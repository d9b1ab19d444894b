"""The reminder stages: three days before the due date, on the day, then every week late."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.reminders import becomes_problem, due_words_zh, stage_on

DUE = date(2025, 10, 15)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
offsets = st.integers(min_value=-400, max_value=400)


def test_the_stages_of_one_obligation_day_by_day():
    days = {d: stage_on(DUE, DUE + timedelta(days=d)) for d in (-4, -3, -1, 0, 6, 7, 13, 14, 30)}
    assert days == {-4: None, -3: -3, -1: -3, 0: 0, 6: 0, 7: 7, 13: 7, 14: 14, 30: 28}


@given(due=dates, offset=offsets)
def test_a_stage_has_begun_and_is_the_latest_begun(due, offset):
    today = due + timedelta(days=offset)
    stage = stage_on(due, today)
    if stage is None:
        assert offset < -3
        return
    assert stage <= offset  # never a stage still to come
    assert stage_on(due, due + timedelta(days=stage)) == stage  # a stage begins on its own day
    assert stage in (-3, 0) or (stage > 0 and stage % 7 == 0)
    assert offset - stage < (3 if stage < 0 else 7)  # no later stage has begun


@given(due=dates, offset=offsets)
def test_the_stage_never_goes_back_as_days_pass(due, offset):
    today = due + timedelta(days=offset)
    now, tomorrow = stage_on(due, today), stage_on(due, today + timedelta(days=1))
    if now is not None:
        assert tomorrow is not None and tomorrow >= now


@given(due=dates, offset=st.integers(min_value=-3, max_value=400))
def test_over_any_span_each_stage_is_reached_on_exactly_one_day(due, offset):
    reached = [
        stage_on(due, due + timedelta(days=d))
        for d in range(-3, offset + 1)
        if stage_on(due, due + timedelta(days=d)) != stage_on(due, due + timedelta(days=d - 1))
    ]
    expected = [-3] + ([0] if offset >= 0 else []) + list(range(7, offset + 1, 7))
    assert reached == expected


@given(due=dates, offset=offsets, after=st.integers(min_value=0, max_value=60))
def test_a_value_becomes_a_problem_from_the_given_day_late_on(due, offset, after):
    assert becomes_problem(due, due + timedelta(days=offset), after) == (offset >= after)


def test_the_words_of_a_reminder():
    assert [due_words_zh(DUE, DUE + timedelta(days=d)) for d in (-3, 0, 9)] == [
        "距截止还有3天",
        "今天截止",
        "已逾期9天",
    ]
