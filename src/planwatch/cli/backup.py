"""`planwatch backup FILE` and `planwatch restore FILE`: the whole database, consistently."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="Backup file to write (a tar).")],
) -> None:
    """Write a consistent backup of the whole database and the uploaded evidence files to FILE."""
    database.ready()
    from planwatch.web import backup as service

    with reported():
        rows = service.backup(file)
    typer.echo(f"backup of {rows:,} rows written to {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A backup written by planwatch backup.")],
) -> None:
    """Restore FILE into an empty database (refused if the database holds data)."""
    database.ready()
    from planwatch.web import backup as service

    with reported():
        rows = service.restore(file)
    typer.echo(f"restored {rows:,} rows from {file}")
