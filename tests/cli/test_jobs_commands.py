"""`planwatch remind` queues the reminder job, `planwatch worker` runs it and schedules the next."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.cli.demo import DEMO_USERS
from planwatch.web.accounts.roles import Role, department_of, role_of
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.services import load_dataset
from planwatch.web.reminders.models import SentReminder
from planwatch.web.reminders.tasks import daily_reminders, ensure_scheduled, next_run
from planwatch.web.submissions import periods
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def due_today() -> None:
    """2025-Q4 open and due today: 区统计局 is reminded of GDP growth by the next run."""
    load_dataset(DEMO_DATASET)
    office = create_user("wang", "long-test-password", Role.PLAN_OFFICE)
    clerk = create_user("li", "long-test-password", Role.CLERK, department="区统计局")
    User.objects.filter(pk=clerk.pk).update(email="li@example.org")
    today = timezone.localdate()
    periods.open_period(actor=office, region_code="fuling", period="2025-Q4", due=today)


def runs(status: str) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=daily_reminders.module_path, status=status))


def test_remind_queues_the_job_and_the_worker_runs_it_then_schedules_tomorrows(due_today):
    queued = runner.invoke(app, ["remind"])
    assert queued.exit_code == 0, queued.output
    assert "queued the reminder job" in queued.output and len(runs("READY")) == 1
    worked = runner.invoke(app, ["worker", "--batch", "--interval", "0"])
    assert worked.exit_code == 0, worked.output
    (done,) = runs("SUCCESSFUL")
    assert done.return_value["reminders"] == SentReminder.objects.count() > 0
    assert [m.to for m in mail.outbox if "区统计局" in m.subject] == [["li@example.org"]]
    (upcoming,) = runs("READY")
    assert upcoming.run_after == next_run(timezone.now())
    assert timezone.now() < upcoming.run_after <= timezone.now() + timedelta(days=1)


def test_the_scheduled_run_sends_nothing_already_sent(due_today):
    runner.invoke(app, ["remind", "--now"])
    sent = len(mail.outbox)
    again = runner.invoke(app, ["remind", "--now"])
    assert again.exit_code == 0, again.output
    assert "reminders: 0, emails: 0" in again.output and len(mail.outbox) == sent


def test_a_worker_starting_queues_a_run_only_when_none_is_waiting(due_today):
    assert ensure_scheduled() is True
    assert ensure_scheduled() is False
    assert len(runs("READY")) == 1


def test_next_run_is_the_next_eight_oclock_local_time(settings):
    at = timezone.make_aware(datetime(2025, 10, 15, 7, 59))
    assert timezone.localtime(next_run(at)).isoformat() == "2025-10-15T08:00:00+08:00"
    later = timezone.make_aware(datetime(2025, 10, 15, 8, 0))
    assert timezone.localtime(next_run(later)).isoformat() == "2025-10-16T08:00:00+08:00"


@pytest.mark.slow
def test_demo_without_serving_creates_the_demo_users():
    result = runner.invoke(app, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "demo users office, stats, commerce, leader" in result.output
    for username, role, department in DEMO_USERS:
        user = User.objects.get(username=username)
        assert (role_of(user).value, department_of(user)) == (role, department)
        assert user.check_password("planwatch-demo") and user.email
