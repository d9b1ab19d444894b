"""`planwatch serve`: the web application (pages, API, static files, admin).

Locally it is one waitress process (pure Python: one command on any OS). In
production (``--production`` or ``PLANWATCH_PRODUCTION=1``) it first refuses a
weak setup (:mod:`planwatch.web.production`), then runs gunicorn with several
worker processes, so that every core answers requests and one slow report
does not hold the others. Static files are collected once, at install time
(`planwatch collectstatic`), not on every start.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="TCP port to listen on.")]
ThreadsOption = Annotated[int, typer.Option(help="Threads answering requests (per worker).")]
WorkersOption = Annotated[
    int, typer.Option(help="Worker processes in production (default: 2 per core + 1).")
]
ProductionOption = Annotated[
    bool,
    typer.Option(
        help="Serve the public with gunicorn; refuse to start without a strong secret key "
        "and hosts. PLANWATCH_PRODUCTION=1 does the same."
    ),
]


@app.command()
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    threads: ThreadsOption = 8,
    workers: WorkersOption = 0,
    production: ProductionOption = False,
) -> None:
    """Serve the dashboard; static files come from the same process (whitenoise)."""
    from planwatch.web import production as checks

    if production or checks.wanted():
        with reported():
            checks.check()
        os.environ["PLANWATCH_PRODUCTION"] = "1"  # read by the settings, loaded just below
        database.ready()
        run_production(host, port, workers or 2 * (os.cpu_count() or 1) + 1, threads)
    else:
        database.ready()
        run(host, port, threads)


@app.command()
def collectstatic() -> None:
    """Copy and compress the static files into PLANWATCH_HOME/static (once, at install)."""
    from planwatch import web

    web.setup()  # no database needed: an image build runs it
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    typer.echo(f"static files collected in {settings.STATIC_ROOT}")


def run(host: str, port: int, threads: int = 8) -> None:
    from waitress import serve as waitress_serve

    from planwatch.web.wsgi import application

    typer.echo(f"planwatch: serving on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="planwatch")


def run_production(host: str, port: int, workers: int, threads: int) -> None:
    """gunicorn in this process: ``workers`` forked processes of ``threads`` threads each."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from planwatch.web.wsgi import application

    connections.close_all()  # each worker opens its own; a forked connection is shared

    class Gunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers, threads).items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    typer.echo(f"planwatch: serving on http://{host}:{port}/ with {workers} workers")
    Gunicorn().run()


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,  # a report with every chart takes seconds, not minutes
        # A worker is replaced after this many requests: memory a large upload
        # or report took is given back to the system.
        "max_requests": 2000,
        "max_requests_jitter": 200,
        "accesslog": "-",
        "proc_name": "planwatch",
    }
