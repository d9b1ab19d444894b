"""A value still owed a week after its due date becomes one problem; submitting it closes it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planwatch.core.problems import Action, State
from planwatch.services import values
from planwatch.services.problems import problem, take_problem_step
from planwatch.services.value_checks import Entry
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.reminders.escalation import escalate, settle_all
from planwatch.web.reminders.models import OverdueProblem
from planwatch.web.reminders.system import SYSTEM_USERNAME
from tests.web.conftest import indicator
from tests.web.reminders.conftest import DUE, submit, who

pytestmark = pytest.mark.usefixtures("quarter", "departments")
WEEK_LATE = DUE + timedelta(days=7)


def gdp_problem():
    return problem(OverdueProblem.objects.get(indicator__code="gdp_growth").problem_code)


def test_a_value_six_days_late_is_not_yet_a_problem():
    assert escalate(today=WEEK_LATE - timedelta(days=1)) == 0
    assert not OverdueProblem.objects.exists()


def test_a_value_a_week_late_becomes_one_problem_assigned_to_its_department():
    made = escalate(today=WEEK_LATE)
    assert made == OverdueProblem.objects.count() >= 2
    found = gdp_problem()
    assert (found.state, found.department, found.link) == (State.ASSIGNED, "区统计局", "gdp_growth")
    assert "未按期报送" in found.description and "已逾期7天" in found.description
    assign = found.history[-1]
    assert (assign.action, assign.actor) == (Action.ASSIGN, SYSTEM_USERNAME)


def test_running_the_job_again_makes_no_second_problem():
    first = escalate(today=WEEK_LATE)
    assert escalate(today=WEEK_LATE) == 0
    assert escalate(today=WEEK_LATE + timedelta(days=30)) == 0
    assert OverdueProblem.objects.count() == first


def test_the_number_of_days_is_a_setting(settings):
    settings.PLANWATCH_PROBLEM_AFTER_DAYS = 10
    assert escalate(today=WEEK_LATE) == 0
    assert escalate(today=DUE + timedelta(days=10)) > 0


def test_submitting_the_value_closes_the_problem_with_its_history(bob):
    escalate(today=WEEK_LATE)
    sent = submit(bob, "gdp_growth")
    found = gdp_problem()
    assert found.state is State.CLOSED
    steps = [(e.action, e.actor) for e in found.history]
    assert steps == [
        (Action.ASSIGN, SYSTEM_USERNAME),
        (Action.START, "bob"),
        (Action.SUBMIT, "bob"),
        (Action.CLOSE, SYSTEM_USERNAME),
    ]
    assert found.history[2].evidence == (f"submission:{sent.pk}",)
    assert settle_all() == 0  # the sweep finds nothing left to close
    assert escalate(today=WEEK_LATE + timedelta(days=7)) == 0


def test_a_problem_the_department_started_closes_on_submission_too(bob):
    escalate(today=WEEK_LATE)
    take_problem_step(gdp_problem().code, Action.START, actor=who(bob), note="正在核实")
    submit(bob, "gdp_growth")
    assert [e.action for e in gdp_problem().history][-3:] == [
        Action.START,
        Action.SUBMIT,
        Action.CLOSE,
    ]


def test_a_draft_does_not_close_the_problem(bob):
    escalate(today=WEEK_LATE)
    gdp = indicator("gdp_growth").id
    values.save_value_draft(actor=who(bob), indicator_id=gdp, entry=Entry("2025-Q4", 6.1))
    assert gdp_problem().state is State.ASSIGNED


def test_an_owner_the_problem_list_does_not_know_stays_a_reminder(caplog):
    IndicatorRecord.objects.filter(code="gdp_growth").update(owner="区统计调查队")
    escalate(today=WEEK_LATE)
    assert not OverdueProblem.objects.filter(indicator__code="gdp_growth").exists()
    assert OverdueProblem.objects.filter(indicator__code="online_agri_sales").exists()
    assert "no department '区统计调查队'" in caplog.text
