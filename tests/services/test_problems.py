from datetime import date, datetime, timedelta, timezone

import pytest
from django.contrib.auth.models import User

from planwatch.core.errors import NotFound
from planwatch.core.problems import Action, IllegalTransition, State
from planwatch.services.problems import (
    overdue_problems,
    problems,
    report_problem,
    take_problem_step,
)
from planwatch.services.regions import dataset_region
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.errors import Forbidden
from planwatch.web.projects.models import Department, ProblemEventRecord, ProblemRecord
from tests.conftest import DEMO_DATASET
from tests.core.project_builders import make_problem

pytestmark = pytest.mark.django_db
CHONGQING = timezone(timedelta(hours=8))
FOUND = datetime(2025, 7, 1, 9, tzinfo=CHONGQING)


@pytest.fixture
def checker() -> User:
    return create_user("zhou", "long-test-password", Role.PLAN_OFFICE)


@pytest.fixture
def problem(office: User) -> str:
    dataset_region(DEMO_DATASET)  # a problem belongs to a region: the only one here
    Department.objects.create(name="区交通局")
    report_problem(make_problem("Q1", found_at=FOUND, deadline=date(2025, 8, 31)), actor=office)
    return "Q1"


def at(days: int) -> datetime:
    return FOUND + timedelta(days=days)


@pytest.fixture
def pending(problem: str, office: User, transport_clerk: User) -> str:
    take_problem_step(problem, Action.ASSIGN, actor=office, at=at(1))
    take_problem_step(problem, Action.START, actor=transport_clerk, at=at(2))
    take_problem_step(
        problem, Action.SUBMIT, actor=transport_clerk, at=at(3), evidence=("整改报告.pdf",)
    )
    return problem


def test_each_step_appends_one_event_and_mirrors_the_state(pending: str, checker: User) -> None:
    closed = take_problem_step(pending, Action.CLOSE, actor=checker, at=at(4), note="现场核查通过")
    assert closed.state is State.CLOSED
    assert ProblemRecord.objects.get(code=pending).state == "closed"
    events = ProblemEventRecord.objects.filter(problem__code=pending).order_by("sequence")
    assert [(e.sequence, e.action, e.actor) for e in events] == [
        (1, "assign", "wang"),
        (2, "start", "li"),
        (3, "submit", "li"),
        (4, "close", "zhou"),
    ]
    assert events[2].evidence == "整改报告.pdf"


def test_a_refused_step_stores_nothing_and_says_why(problem: str, office: User) -> None:
    take_problem_step(problem, Action.ASSIGN, actor=office, at=at(1))
    with pytest.raises(IllegalTransition, match="「交办」,不能「验收销号」"):
        take_problem_step(problem, Action.CLOSE, actor=office, at=at(2))
    assert ProblemEventRecord.objects.count() == 1
    assert ProblemRecord.objects.get(code=problem).state == "assigned"


def test_only_the_plan_office_assigns_sends_back_and_closes(
    problem: str, transport_clerk: User, leader: User
) -> None:
    for user in (transport_clerk, leader):
        with pytest.raises(Forbidden, match="只有涪陵区发展改革委可以交办"):
            take_problem_step(problem, Action.ASSIGN, actor=user, at=at(1))
    assert ProblemEventRecord.objects.count() == 0


def test_only_the_responsible_department_rectifies(
    problem: str, office: User, water_clerk: User
) -> None:
    take_problem_step(problem, Action.ASSIGN, actor=office, at=at(1))
    with pytest.raises(Forbidden, match="只有涪陵区区交通局可以开始整改"):
        take_problem_step(problem, Action.START, actor=water_clerk, at=at(2))


def test_the_office_member_who_rectified_cannot_also_close(problem: str, office: User) -> None:
    take_problem_step(problem, Action.ASSIGN, actor=office, at=at(1))
    take_problem_step(problem, Action.START, actor=office, at=at(2))
    take_problem_step(problem, Action.SUBMIT, actor=office, at=at(3), evidence=("报告.pdf",))
    with pytest.raises(IllegalTransition, match="整改人以外"):
        take_problem_step(problem, Action.CLOSE, actor=office, at=at(4))


def test_a_sent_back_problem_returns_to_rectifying_with_its_history_kept(
    pending: str, checker: User
) -> None:
    take_problem_step(pending, Action.SEND_BACK, actor=checker, at=at(4), note="佐证不足")
    (stored,) = problems()
    assert stored.state is State.RECTIFYING
    assert [e.action for e in stored.history][-2:] == [Action.SUBMIT, Action.SEND_BACK]


def test_overdue_problems_are_the_open_ones_past_their_deadline(problem: str) -> None:
    assert [p.code for p in overdue_problems(date(2025, 9, 1))] == ["Q1"]
    assert overdue_problems(date(2025, 8, 31)) == []


def test_a_closed_problem_is_not_overdue(pending: str, checker: User) -> None:
    take_problem_step(pending, Action.CLOSE, actor=checker, at=at(4))
    assert overdue_problems(date(2025, 9, 1)) == []


def test_only_the_plan_office_reports_problems(transport_clerk: User) -> None:
    with pytest.raises(Forbidden):
        report_problem(make_problem("Q2", found_at=FOUND), actor=transport_clerk)


def test_a_step_on_an_unknown_problem_is_not_found(office: User) -> None:
    with pytest.raises(NotFound):
        take_problem_step("NOPE", Action.ASSIGN, actor=office)
