"""`planwatch serve`: the web application in one process (pages, static files, admin)."""

from __future__ import annotations

from typing import Annotated

import typer

from planwatch.cli import app, database

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="TCP port to listen on.")]
ThreadsOption = Annotated[int, typer.Option(help="Worker threads answering requests.")]


@app.command()
def serve(
    host: HostOption = "127.0.0.1", port: PortOption = 8000, threads: ThreadsOption = 8
) -> None:
    """Serve the dashboard with waitress; static files come from the same process (whitenoise)."""
    database.ready()
    run(host, port, threads)


def run(host: str, port: int, threads: int = 8) -> None:
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from planwatch.web.wsgi import application

    call_command("collectstatic", interactive=False, verbosity=0)
    typer.echo(f"planwatch: serving on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="planwatch")
