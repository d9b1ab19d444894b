"""The monthly compliance table counts each value in the month it was due."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from planwatch.web.reminders import compliance
from planwatch.web.submissions import periods
from tests.web.reminders.conftest import submit, who


def open_(alice, period: str, due: date):
    periods.open_period(actor=who(alice), region_code="fuling", period=period, due=due)


def row(found, department: str):
    return next(r for r in found.rows if r.department == department)


def test_on_time_late_missing_and_not_yet_due(demo, alice, bob, carol):
    today = timezone.localdate()
    open_(alice, "2025-Q4", today - timedelta(days=2))  # past due
    open_(alice, "2025-11", today + timedelta(days=40))  # not yet due
    submit(bob, "gdp_growth")  # after its due date: late
    submit(carol, "fdi_utilized", "2025-11", 700)  # before its due date: on time
    found = compliance.months(actor=who(alice), region_code="fuling")
    late_month, early_month = (today - timedelta(days=2)), (today + timedelta(days=40))
    by_month = {m.month: m for m in found}
    past = by_month[late_month.strftime("%Y-%m")]
    statistics, commerce = row(past, "区统计局"), row(past, "区商务委")
    counts = (statistics.owed, statistics.on_time, statistics.late, statistics.missing)
    assert counts == (2, 0, 1, 1)  # GDP late, income growth never came
    assert (commerce.owed, commerce.missing) == (1, 1)  # online sales of farm produce
    future = row(by_month[early_month.strftime("%Y-%m")], "区商务委")
    # retail sales and trade still pending; the rate counts only what is due
    assert (future.on_time, future.pending, future.on_time_rate) == (1, 2, 100.0)
    assert past.total.owed == sum(r.owed for r in past.rows)


def test_the_monthly_brief_gets_one_month_in_a_sentence(demo, alice, bob):
    due = timezone.localdate() - timedelta(days=2)
    open_(alice, "2025-Q4", due)
    submit(bob, "gdp_growth")
    found = compliance.month(actor=who(alice), region_code="fuling", month=due.strftime("%Y-%m"))
    text = compliance.sentence(found)
    t = found.total
    assert text.startswith(f"{due:%Y-%m}应报送数据{t.owed}项,按期报送0项,逾期报送1项")
    assert f"未报送{t.missing}项" in text and "未报送较多的部门:" in text
    assert compliance.month(actor=who(alice), region_code="fuling", month="1999-01") is None
