from datetime import date, datetime, timedelta, timezone

import pytest

from planwatch.core.errors import NotFound
from planwatch.core.problems import Action, IllegalTransition, State
from planwatch.web.projects.models import Department, ProblemEventRecord, ProblemRecord
from planwatch.web.projects.problem_services import (
    overdue_problems,
    problems,
    report_problem,
    take_step,
)
from tests.core.project_builders import make_problem

pytestmark = pytest.mark.django_db
CHONGQING = timezone(timedelta(hours=8))
FOUND = datetime(2025, 7, 1, 9, tzinfo=CHONGQING)
OFFICE, CLERK, CHECKER = "区发改委·王明", "区交通局·李华", "区发改委·赵敏"


@pytest.fixture
def problem() -> str:
    Department.objects.create(name="区交通局")
    report_problem(make_problem("Q1", found_at=FOUND, deadline=date(2025, 8, 31)), actor=OFFICE)
    return "Q1"


def at(days: int) -> datetime:
    return FOUND + timedelta(days=days)


def walk_to_pending_check(code: str) -> None:
    take_step(code, Action.ASSIGN, actor=OFFICE, at=at(1))
    take_step(code, Action.START, actor=CLERK, at=at(2))
    take_step(code, Action.SUBMIT, actor=CLERK, at=at(3), evidence=("整改报告.pdf",))


def test_each_step_appends_one_event_and_mirrors_the_state(problem: str) -> None:
    walk_to_pending_check(problem)
    closed = take_step(problem, Action.CLOSE, actor=CHECKER, at=at(4), note="现场核查通过")
    assert closed.state is State.CLOSED
    assert ProblemRecord.objects.get(code=problem).state == "closed"
    events = ProblemEventRecord.objects.filter(problem__code=problem).order_by("sequence")
    assert [(e.sequence, e.action, e.actor) for e in events] == [
        (1, "assign", OFFICE),
        (2, "start", CLERK),
        (3, "submit", CLERK),
        (4, "close", CHECKER),
    ]
    assert events[2].evidence == "整改报告.pdf"


def test_a_refused_step_stores_nothing_and_says_why(problem: str) -> None:
    take_step(problem, Action.ASSIGN, actor=OFFICE, at=at(1))
    with pytest.raises(IllegalTransition, match="「交办」,不能「验收销号」"):
        take_step(problem, Action.CLOSE, actor=CHECKER, at=at(2))
    assert ProblemEventRecord.objects.count() == 1
    assert ProblemRecord.objects.get(code=problem).state == "assigned"


def test_the_rectifier_cannot_close_the_problem(problem: str) -> None:
    walk_to_pending_check(problem)
    with pytest.raises(IllegalTransition, match="整改人以外"):
        take_step(problem, Action.CLOSE, actor=CLERK, at=at(4))


def test_a_sent_back_problem_returns_to_rectifying_with_its_history_kept(problem: str) -> None:
    walk_to_pending_check(problem)
    take_step(problem, Action.SEND_BACK, actor=CHECKER, at=at(4), note="佐证不足")
    (stored,) = problems()
    assert stored.state is State.RECTIFYING
    assert [e.action for e in stored.history][-2:] == [Action.SUBMIT, Action.SEND_BACK]


def test_overdue_problems_are_the_open_ones_past_their_deadline(problem: str) -> None:
    assert [p.code for p in overdue_problems(date(2025, 9, 1))] == ["Q1"]
    assert overdue_problems(date(2025, 8, 31)) == []
    walk_to_pending_check(problem)
    take_step(problem, Action.CLOSE, actor=CHECKER, at=at(4))
    assert overdue_problems(date(2025, 9, 1)) == []


def test_a_step_on_an_unknown_problem_is_not_found() -> None:
    with pytest.raises(NotFound):
        take_step("NOPE", Action.ASSIGN, actor=OFFICE)
