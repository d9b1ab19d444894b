"""The reminder job sends each stage once, by e-mail to the department's clerks."""

from __future__ import annotations

from datetime import date, timedelta
from smtplib import SMTPException

import pytest
from django.contrib.auth.models import User
from django.core.mail import EmailMessage

from planwatch.web.reminders.models import SentReminder
from planwatch.web.reminders.send import send_reminders
from tests.web.reminders.conftest import DUE, submit

pytestmark = pytest.mark.usefixtures("quarter")


def stages(code: str) -> list[int]:
    rows = SentReminder.objects.filter(indicator__code=code).order_by("stage")
    return list(rows.values_list("stage", flat=True))


def to_bob(outbox) -> list:
    return [m for m in outbox if m.to == ["bob@example.org"]]


def test_nothing_is_sent_earlier_than_three_days_before_the_due_date(mailoutbox):
    send_reminders(today=DUE - timedelta(days=4))
    assert (stages("gdp_growth"), mailoutbox) == ([], [])


def test_three_days_before_the_due_date_each_department_gets_one_email(mailoutbox):
    sent = send_reminders(today=DUE - timedelta(days=3))
    assert stages("gdp_growth") == [-3]
    (mail,) = to_bob(mailoutbox)
    assert mail.subject.startswith("[planwatch] 区统计局")
    assert "地区生产总值增速 2025-Q4(截止 2026-01-15,距截止还有3天)" in mail.body
    assert "/periods/" in mail.body
    assert sent.emails == len(mailoutbox) and sent.reminders == SentReminder.objects.count()


def test_running_the_job_twice_on_a_day_sends_nothing_the_second_time(mailoutbox):
    first = send_reminders(today=DUE)
    again = send_reminders(today=DUE)
    assert first.reminders > 0 and (again.reminders, again.emails) == (0, 0)
    assert len(to_bob(mailoutbox)) == 1
    assert stages("gdp_growth") == [0]


def test_the_stages_are_before_due_day_then_weekly(mailoutbox):
    for day in range(-5, 23):
        send_reminders(today=DUE + timedelta(days=day))
    assert stages("gdp_growth") == [-3, 0, 7, 14, 21]
    assert len(to_bob(mailoutbox)) == 5


def test_a_job_that_missed_stages_sends_only_the_current_one(mailoutbox):
    send_reminders(today=date(2026, 1, 30))  # 15 days late: the third stage
    assert stages("gdp_growth") == [14]
    assert "已逾期15天" in to_bob(mailoutbox)[0].body


def test_a_submitted_value_is_not_reminded(bob, mailoutbox):
    submit(bob, "gdp_growth")
    send_reminders(today=DUE)
    assert stages("gdp_growth") == [] and stages("income_growth") == [0]
    assert all("地区生产总值增速" not in m.body for m in to_bob(mailoutbox))
    assert stages("online_agri_sales") == [0]


def test_a_department_without_addresses_is_reminded_in_the_app_only(mailoutbox):
    User.objects.filter(username="bob").update(email="")
    send_reminders(today=DUE)
    row = SentReminder.objects.get(indicator__code="gdp_growth")
    assert (row.stage, row.recipients, to_bob(mailoutbox)) == (0, "", [])


def test_a_mail_server_refusing_records_nothing_so_the_next_run_sends_it(mailoutbox, monkeypatch):
    def refuse(self, fail_silently=False):
        raise SMTPException("451 try again later")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", refuse)
        send_reminders(today=DUE)
    assert stages("gdp_growth") == stages("online_agri_sales") == [] and mailoutbox == []
    assert send_reminders(today=DUE).emails > 0
    assert stages("gdp_growth") == [0] and len(to_bob(mailoutbox)) == 1
