"""`planwatch serve`: the web application in one process (pages, static files, admin)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="TCP port to listen on.")]
ThreadsOption = Annotated[int, typer.Option(help="Worker threads answering requests.")]
ProductionOption = Annotated[
    bool, typer.Option(help="Serve the public: refuse to start without a secret key and hosts.")
]


@app.command()
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    threads: ThreadsOption = 8,
    production: ProductionOption = False,
) -> None:
    """Serve the dashboard with waitress; static files come from the same process (whitenoise)."""
    if production:
        from planwatch.web import production as checks

        with reported():
            checks.check()
        os.environ["PLANWATCH_PRODUCTION"] = "1"  # read by the settings, loaded just below
    database.ready()
    run(host, port, threads)


def run(host: str, port: int, threads: int = 8) -> None:
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from planwatch.web.wsgi import application

    call_command("collectstatic", interactive=False, verbosity=0)
    typer.echo(f"planwatch: serving on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="planwatch")
