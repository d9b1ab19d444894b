"""Map domain errors to a message on stderr and an exit code, once for every command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from planwatch.core.errors import DatasetError, PlanwatchError

EXIT_USAGE = 2


@contextmanager
def reported() -> Iterator[None]:
    try:
        yield
    except DatasetError as exc:
        typer.echo(
            f"error: dataset rejected ({len(exc.problems)} problem(s)), nothing was loaded:",
            err=True,
        )
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except PlanwatchError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
