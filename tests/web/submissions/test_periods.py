"""Reporting periods: opened and closed by the plan office; what each department owes in them."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from planwatch.core.errors import NotFound
from planwatch.services import value_reads, values
from planwatch.services.values import Entry
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.submissions import periods
from planwatch.web.submissions.periods import Frequency, Owed
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")
DUE = date(2026, 1, 15)


def who(caller) -> User:
    return User.objects.get(username=caller.username)


def opened(alice, period: str = "2025-Q4", due: date = DUE):
    return periods.open_period(actor=who(alice), region_code="fuling", period=period, due=due)


def owed(caller, **filters):
    found = periods.obligations(actor=who(caller), **filters)
    return {(o.period.period, o.indicator.code): o for o in found}


def test_an_indicators_frequency_is_the_finest_period_of_its_values():
    kinds = periods.frequencies(
        [indicator(c) for c in ("gdp_growth", "fdi_utilized", "grain_output")]
    )
    assert list(kinds.values()) == [Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.ANNUAL]


def test_only_the_plan_office_opens_and_closes_periods(alice, bob, dave):
    for caller in (bob, dave):
        with pytest.raises(Forbidden):
            opened(caller)
    record = opened(alice)
    assert (record.is_open, record.opened_by.username, record.year) == (True, "alice", 2025)
    with pytest.raises(Forbidden):
        periods.close_period(actor=who(bob), region_code="fuling", period="2025-Q4")
    closed = periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q4")
    assert (closed.is_open, closed.closed_by.username) == (False, "alice")


def test_opening_an_open_period_is_a_conflict_and_closing_an_unknown_one_not_found(alice):
    opened(alice)
    with pytest.raises(Conflict):
        opened(alice)
    with pytest.raises(NotFound):
        periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q2")


def test_a_department_owes_its_indicators_of_the_periods_granularity(alice, bob, carol):
    opened(alice, "2025-Q4")
    opened(alice, "2025-06")
    assert set(owed(bob)) == {("2025-Q4", "gdp_growth"), ("2025-Q4", "income_growth")}
    assert set(owed(carol)) == {
        ("2025-Q4", "online_agri_sales"),  # quarterly
        ("2025-06", "retail_growth"),  # monthly, as the demo's in-year values are
        ("2025-06", "trade_growth"),
        ("2025-06", "fdi_utilized"),
    }
    everyone = owed(alice)
    assert {o.department for o in everyone.values()} >= {"区统计局", "区商务委"}


def test_a_clerk_sees_only_its_own_department_and_a_leader_reads_all(alice, bob, dave):
    opened(alice)
    with pytest.raises(Forbidden):
        periods.obligations(actor=who(bob), department="区商务委")
    assert owed(dave, department="区商务委")


def test_the_state_follows_the_latest_submission(alice, bob):
    opened(alice)
    gdp = indicator("gdp_growth")
    assert owed(bob)["2025-Q4", "gdp_growth"].state is Owed.NOT_STARTED
    draft = values.save_value_draft(
        actor=who(bob), indicator_id=gdp.id, entry=Entry("2025-Q4", 6.1)
    )
    assert owed(bob)["2025-Q4", "gdp_growth"].state is Owed.DRAFT
    values.submit_value(
        actor=who(bob),
        indicator_id=gdp.id,
        entry=Entry("2025-Q4", 6.1),
        submission_id=draft.id,
        version=value_reads.version_of(draft),
    )
    assert owed(bob)["2025-Q4", "gdp_growth"].state is Owed.SUBMITTED
    values.approve_value(actor=who(alice), submission_id=draft.id)
    assert owed(bob)["2025-Q4", "gdp_growth"].state is Owed.APPROVED


def test_a_value_not_submitted_by_the_due_date_is_overdue(alice, bob):
    opened(alice)
    assert not owed(bob, today=DUE)["2025-Q4", "gdp_growth"].overdue
    late = owed(bob, today=date(2026, 1, 16))["2025-Q4", "gdp_growth"]
    assert late.overdue
    values.submit_value(
        actor=who(bob),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2025-Q4", 6.1),
    )
    assert not owed(bob, today=date(2026, 1, 16))["2025-Q4", "gdp_growth"].overdue
    tally = periods.tallies(periods.obligations(actor=who(alice), today=date(2026, 1, 16)))
    statistics = next(t for t in tally if t.department == "区统计局")
    # GDP growth submitted; income growth (also quarterly) still owed and overdue
    assert (statistics.owed, statistics.done, statistics.overdue) == (2, 1, 1)


def test_a_closed_period_refuses_values_and_a_period_never_opened_accepts_them(alice, bob):
    gdp = indicator("gdp_growth").id
    values.submit_value(actor=who(bob), indicator_id=gdp, entry=Entry("2025-Q2", 5.9))
    opened(alice)
    periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q4")
    with pytest.raises(Conflict, match=r"报告期已于.*关闭"):
        values.save_value_draft(actor=who(bob), indicator_id=gdp, entry=Entry("2025-Q4", 6.1))
    assert not periods.obligations(actor=who(bob))  # closed periods owe nothing more


def test_a_closed_period_can_be_reopened_with_a_new_due_date(alice, bob):
    opened(alice)
    periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q4")
    again = opened(alice, due=date(2026, 1, 31))
    assert (again.is_open, again.due, again.closed_by) == (True, date(2026, 1, 31), None)
    values.save_value_draft(
        actor=who(bob), indicator_id=indicator("gdp_growth").id, entry=Entry("2025-Q4", 6)
    )


def test_a_bad_period_is_refused_in_chinese(alice):
    with pytest.raises(Exception, match="报告期格式"):
        opened(alice, "2025-13")


def test_a_value_the_plan_already_holds_is_owed_no_more(alice, bob):
    opened(alice, "2025-Q3")  # the demo holds the third quarter's GDP and income growth
    found = owed(bob)
    assert {o.state for o in found.values()} == {Owed.APPROVED}
    assert not any(o.overdue for o in owed(bob, today=date(2026, 1, 16)).values())
