"""`planwatch worker` and `planwatch remind`: background jobs on Django's tasks framework."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from planwatch.cli import app, database


@app.command()
def worker(
    interval: Annotated[
        float, typer.Option(help="Seconds between looks for a waiting job (database queue).")
    ] = 5,
    batch: Annotated[
        bool, typer.Option("--batch/--forever", help="Run what waits, then stop (for cron).")
    ] = False,
) -> None:
    """Run background jobs from the queue (the database's, or RQ's on Redis); the daily
    reminder job is scheduled on start."""
    database.ready()
    from django.core.management import call_command
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_rq import RQBackend

    from planwatch.web.reminders.tasks import ensure_scheduled

    if ensure_scheduled():
        typer.echo("worker: the reminder job is queued to run now, then daily")
    typer.echo("worker: running background jobs (Ctrl+C stops)")
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if isinstance(backend, RQBackend):  # PLANWATCH_REDIS_URL: an rq worker
        queues = sorted(backend.queues)
        call_command("rqworker", *queues, burst=batch, with_scheduler=True, verbosity=0)
    else:
        call_command("db_worker", interval=interval, batch=batch, reload=False, verbosity=0)


@app.command()
def remind(
    now: Annotated[
        bool, typer.Option("--now", help="Run the job in this process instead of queueing it.")
    ] = False,
) -> None:
    """Queue the reminder job (reminders, e-mails, overdue values made problems) for the worker."""
    database.ready()
    from planwatch.web.reminders.tasks import daily_reminders, run_all

    if now:
        done = run_all()
        typer.echo(", ".join(f"{name}: {count}" for name, count in done.items()))
        return
    result = daily_reminders.enqueue()
    typer.echo(f"queued the reminder job {result.id}; `planwatch worker` runs it")


@contextmanager
def background_worker() -> Iterator[None]:
    """A `planwatch worker` process beside the server (the demo), stopped when the server stops."""
    process = subprocess.Popen([sys.executable, "-m", "planwatch", "worker"])
    before = signal.signal(signal.SIGTERM, _exit)  # a stopped server stops its worker too
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
        process.terminate()
        process.wait(timeout=30)


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
