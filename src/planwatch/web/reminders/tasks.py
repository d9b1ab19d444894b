"""The reminder job on Django's tasks framework (django-tasks): run daily, scheduled by itself.

Each run of :func:`daily_reminders` enqueues the next one for the next day at
``PLANWATCH_REMIND_HOUR`` (the database backend holds it until then, or RQ's
scheduler, which ``planwatch worker`` runs in its rq worker), and ``planwatch
worker`` enqueues a first run when none is waiting, so a worker that was down
catches up on start. A backend that cannot defer tasks (the immediate backend of
tests) schedules nothing: there ``planwatch remind`` from cron enqueues each run.
Running twice on one day is harmless: the job sends no stage and opens no problem twice.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from planwatch.web.reminders.escalation import escalate, settle_all
from planwatch.web.reminders.send import send_reminders


def run_all() -> dict[str, int]:
    """Remind, escalate, close what was submitted; the counts of each, for the task's result."""
    sent = send_reminders()
    return {
        "reminders": sent.reminders,
        "emails": sent.emails,
        "problems_opened": escalate(),
        "problems_closed": settle_all(),
    }


@task()
def daily_reminders() -> dict[str, int]:
    done = run_all()
    schedule_next()
    return done


def next_run(now: datetime) -> datetime:
    """The next ``PLANWATCH_REMIND_HOUR`` o'clock (local time) strictly after ``now``."""
    local = timezone.localtime(now)
    at = timezone.make_aware(
        datetime.combine(local.date(), time(settings.PLANWATCH_REMIND_HOUR)), local.tzinfo
    )
    return at if at > local else at + timedelta(days=1)


def schedule_next() -> bool:
    """Enqueue the next daily run unless one is already waiting; whether one was enqueued."""
    if not daily_reminders.get_backend().supports_defer or _waiting("READY"):
        return False
    daily_reminders.using(run_after=next_run(timezone.now())).enqueue()
    return True


def ensure_scheduled() -> bool:
    """On a worker's start: run the job now unless a run is already waiting; whether enqueued."""
    if _waiting("READY", "RUNNING"):
        return False
    daily_reminders.enqueue()
    return True


def _waiting(*statuses: str) -> bool:
    """Whether the backend holds a run of the job in one of ``statuses`` (READY, RUNNING):
    a row of the database backend's table, or a job in the RQ backend's queue or registries.

    Another backend (the immediate one of tests) keeps nothing: there nothing is waiting.
    """
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend, path = daily_reminders.get_backend(), daily_reminders.module_path
    if isinstance(backend, DatabaseBackend):
        return DBTaskResult.objects.filter(task_path=path, status__in=statuses).exists()
    from django_tasks_rq import RQBackend  # only with Redis: the default never loads RQ

    if isinstance(backend, RQBackend):
        return path in _queued_on_rq(daily_reminders.queue_name, statuses)
    return False


def _queued_on_rq(queue_name: str, statuses: tuple[str, ...]) -> set[str]:
    """The task paths of the RQ queue's jobs: queued or scheduled (READY), started (RUNNING)."""
    import django_rq
    from rq.job import Job
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry

    queue = django_rq.get_queue(queue_name)
    ids: list[str] = []
    if "READY" in statuses:
        ids += queue.get_job_ids() + ScheduledJobRegistry(queue=queue).get_job_ids()
    if "RUNNING" in statuses:
        ids += StartedJobRegistry(queue=queue).get_job_ids()
    jobs = Job.fetch_many(ids, connection=queue.connection, serializer=queue.serializer)
    return {job.func_name for job in jobs if job and job.func_name}
