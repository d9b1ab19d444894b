from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.problems import (
    TRANSITIONS,
    Action,
    IllegalTransition,
    Problem,
    State,
    apply,
    overdue,
)
from tests.core.project_builders import make_problem

T0 = datetime(2025, 4, 2, 9, 0)
PATH = {  # the actions that bring a new problem into each state
    State.FOUND: [],
    State.ASSIGNED: [Action.ASSIGN],
    State.RECTIFYING: [Action.ASSIGN, Action.START],
    State.PENDING_CHECK: [Action.ASSIGN, Action.START, Action.SUBMIT],
    State.CLOSED: [Action.ASSIGN, Action.START, Action.SUBMIT, Action.CLOSE],
}
ACTORS = {  # who may take each action in the happy path
    Action.ASSIGN: "区发改委·王",
    Action.START: "区交通局·李",
    Action.SUBMIT: "区交通局·李",
    Action.SEND_BACK: "区发改委·王",
    Action.CLOSE: "区发改委·王",
}


def step(problem: Problem, action: Action, hours: int = 1, **overrides: object) -> Problem:
    kwargs: dict[str, object] = {
        "actor": ACTORS[action],
        "at": (problem.history[-1].at if problem.history else T0) + timedelta(hours=hours),
        "note": "理由" if action is Action.SEND_BACK else "",
        "evidence": ("整改照片.jpg",) if action is Action.SUBMIT else (),
    }
    kwargs.update(overrides)
    return apply(problem, action, **kwargs)  # type: ignore[arg-type]


def in_state(state: State) -> Problem:
    problem = make_problem()
    for action in PATH[state]:
        problem = step(problem, action)
    return problem


@pytest.mark.parametrize(("before", "action"), list(TRANSITIONS))
def test_every_legal_transition_moves_the_state_and_records_one_event(
    before: State, action: Action
) -> None:
    problem = in_state(before)
    after = step(problem, action)
    assert after.state is TRANSITIONS[(before, action)]
    assert after.history[:-1] == problem.history
    event = after.history[-1]
    assert (event.action, event.before, event.after, event.actor) == (
        action,
        before,
        after.state,
        ACTORS[action],
    )


ILLEGAL = [(s, a) for s in State for a in Action if (s, a) not in TRANSITIONS]


@pytest.mark.parametrize(("before", "action"), ILLEGAL)
def test_every_illegal_transition_is_refused_naming_state_and_action(
    before: State, action: Action
) -> None:
    problem = in_state(before)
    with pytest.raises(IllegalTransition, match=f"「{before.label_zh}」,不能「{action.label_zh}」"):
        step(problem, action)


def test_a_closed_problem_allows_nothing_more() -> None:
    with pytest.raises(IllegalTransition, match="可执行:无"):
        step(in_state(State.CLOSED), Action.SEND_BACK)


def test_a_pending_check_can_be_sent_back_and_resubmitted_then_closed() -> None:
    problem = step(in_state(State.PENDING_CHECK), Action.SEND_BACK)
    problem = step(step(problem, Action.SUBMIT), Action.CLOSE)
    assert problem.state is State.CLOSED
    assert [e.action for e in problem.history] == [
        Action.ASSIGN,
        Action.START,
        Action.SUBMIT,
        Action.SEND_BACK,
        Action.SUBMIT,
        Action.CLOSE,
    ]


def test_submitting_for_check_needs_evidence() -> None:
    with pytest.raises(IllegalTransition, match="佐证"):
        step(in_state(State.RECTIFYING), Action.SUBMIT, evidence=())


def test_sending_back_needs_a_reason() -> None:
    with pytest.raises(IllegalTransition, match="理由"):
        step(in_state(State.PENDING_CHECK), Action.SEND_BACK, note=" ")


def test_the_rectifier_cannot_close_their_own_problem() -> None:
    with pytest.raises(IllegalTransition, match="整改人以外"):
        step(in_state(State.PENDING_CHECK), Action.CLOSE, actor=ACTORS[Action.START])


def test_every_step_names_its_actor() -> None:
    with pytest.raises(IllegalTransition, match="操作人"):
        step(make_problem(), Action.ASSIGN, actor="")


def test_history_cannot_be_written_before_its_last_event() -> None:
    problem = in_state(State.ASSIGNED)
    with pytest.raises(IllegalTransition, match="历史不可改写"):
        step(problem, Action.START, hours=-2)


def test_a_refused_step_leaves_the_problem_as_it_was() -> None:
    problem = in_state(State.RECTIFYING)
    with pytest.raises(IllegalTransition):
        step(problem, Action.CLOSE)
    assert problem.state is State.RECTIFYING and len(problem.history) == 2


def test_an_open_problem_is_overdue_the_day_after_its_deadline() -> None:
    problem = in_state(State.RECTIFYING)
    assert not problem.is_overdue(date(2025, 6, 30))
    assert problem.is_overdue(date(2025, 7, 1))


def test_a_closed_problem_is_never_overdue() -> None:
    assert not in_state(State.CLOSED).is_overdue(date(2030, 1, 1))


def test_overdue_lists_open_problems_most_overdue_first() -> None:
    late = make_problem("A", deadline=date(2025, 5, 1))
    later = make_problem("B", deadline=date(2025, 3, 1))
    on_time = make_problem("C", deadline=date(2025, 12, 31))
    assert [p.code for p in overdue([late, on_time, later], date(2025, 6, 1))] == ["B", "A"]


@given(st.lists(st.sampled_from(list(Action)), max_size=12))
def test_any_sequence_of_actions_keeps_history_consistent(actions: list[Action]) -> None:
    problem = make_problem()
    for action in actions:
        try:
            problem = step(problem, action)
        except IllegalTransition:
            continue
    states = [State.FOUND] + [e.after for e in problem.history]
    assert all(e.before is s for e, s in zip(problem.history, states, strict=False))
    assert problem.state is states[-1]
    assert all(TRANSITIONS[(e.before, e.action)] is e.after for e in problem.history)
