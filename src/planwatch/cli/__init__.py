"""The planwatch command line: one Typer app; each topic registers its commands.

Commands parse their input, call the core or a service, and map domain errors
to a message and a non-zero exit code. No business rule lives here.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="planwatch",
    help="Monitor and evaluate the execution of an annual development plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def main() -> None:
    from planwatch.cli import commands  # noqa: F401  (registers the commands on ``app``)

    app()
