"""With PLANWATCH_REDIS_URL the background jobs wait in an RQ queue on that Redis and
`planwatch worker` serves it as an rq worker: the reminder job `planwatch remind` queues is
run by a worker in another process on the same database, and the next day's run waits in
RQ's scheduler, once however often a worker starts. Without Redis nothing changes: the jobs
wait in the database (tests/cli/test_jobs_commands.py)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import redis
from django.utils import timezone
from rq import Queue
from rq.job import Job
from rq.registry import ScheduledJobRegistry

from planwatch.web.reminders.models import SentReminder
from planwatch.web.reminders.tasks import daily_reminders, ensure_scheduled, next_run
from tests.conftest import DEMO_DATASET, REPO
from tests.web.test_security import settings_process

REDIS = "redis://127.0.0.1:6379/13"  # this module's own database of the local Redis
JOB = daily_reminders.module_path
ON_DATABASE, ON_RQ = "django_tasks_db.DatabaseBackend", "django_tasks_rq.RQBackend"


@pytest.fixture
def queue() -> Iterator[Queue]:
    """The RQ queue of the jobs in the test's Redis database, empty before and after."""
    client = redis.Redis.from_url(REDIS)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis answers on 127.0.0.1:6379 (apt-get install redis-server)")
    client.flushdb()
    yield Queue("default", connection=client)
    client.flushdb()


@pytest.fixture
def on_rq(queue: Queue, settings) -> Queue:
    """This process's jobs on the RQ backend, as with PLANWATCH_REDIS_URL=…/13."""
    settings.TASKS = {"default": {"BACKEND": ON_RQ}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS}}
    return queue


@pytest.mark.parametrize(
    ("environ", "backend"),
    [
        ({}, ON_DATABASE),
        ({"PLANWATCH_REDIS_URL": REDIS}, ON_RQ),
        ({"PLANWATCH_REDIS_URL": REDIS, "PLANWATCH_TASKS_BACKEND": ON_DATABASE}, ON_DATABASE),
    ],
)
def test_jobs_go_to_redis_when_its_url_is_set_unless_a_backend_is_named(environ, backend):
    script = (
        "from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], 'django_rq' in s.INSTALLED_APPS, "
        "s.RQ_QUEUES['default']['URL'])"
    )
    found = settings_process(script, **environ)
    assert found.returncode == 0, found.stderr
    name, rq_app, url = found.stdout.split()
    assert (name, rq_app == "True") == (backend, backend == ON_RQ)
    assert url == environ.get("PLANWATCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def test_a_worker_starting_queues_a_run_only_when_none_waits_in_rq(on_rq: Queue):
    assert ensure_scheduled() is True
    assert ensure_scheduled() is False
    assert [job.func_name for job in on_rq.get_jobs()] == [JOB]


@pytest.mark.slow
def test_the_reminder_job_queued_in_redis_is_run_by_a_worker_in_another_process(
    queue: Queue, tmp_path: Path
):
    def planwatch(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "planwatch", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_")}
    env.pop("DATABASE_URL", None)  # one SQLite file both processes open
    env |= {"PYTHONPATH": str(REPO / "src"), "PLANWATCH_HOME": str(tmp_path)}
    env |= {"PLANWATCH_REDIS_URL": REDIS}
    planwatch("load", str(DEMO_DATASET))
    planwatch("createuser", "wang", "--role", "plan_office", "--password", "long-test-password")
    planwatch("periods", "open", "2025-Q4", "--due", timezone.localdate().isoformat())
    assert "queued the reminder job" in planwatch("remind")
    assert [job.func_name for job in queue.get_jobs()] == [JOB]
    assert sent_reminders(tmp_path) == 0

    planwatch("worker", "--batch")
    assert sent_reminders(tmp_path) > 0  # the worker's run, in the database
    assert queue.get_jobs() == [] and scheduled(queue) == [next_run(timezone.now())]
    planwatch("worker", "--batch")  # a restart: tomorrow's run is waiting, nothing is added
    assert queue.get_jobs() == [] and scheduled(queue) == [next_run(timezone.now())]


def sent_reminders(home: Path) -> int:
    with sqlite3.connect(home / "planwatch.sqlite3") as db:
        (count,) = db.execute(f"SELECT COUNT(*) FROM {SentReminder._meta.db_table}").fetchone()
    return int(count)


def scheduled(queue: Queue) -> list[datetime]:
    """When the reminder runs waiting in RQ's scheduler are due."""
    registry = ScheduledJobRegistry(queue=queue)
    jobs = Job.fetch_many(registry.get_job_ids(), connection=queue.connection)
    return [registry.get_scheduled_time(job) for job in jobs if job and job.func_name == JOB]
