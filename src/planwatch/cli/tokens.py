"""`planwatch token create USER`: an API token, printed once."""

from __future__ import annotations

from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported

token_app = typer.Typer(help="API tokens (Authorization: Bearer …).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def create(
    username: Annotated[str, typer.Argument(help="The user the token acts as.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "",
) -> None:
    """Create a token for USER; it is shown only now (only its hash is stored)."""
    database.ready()
    from planwatch.web.api import tokens

    with reported():
        record, token = tokens.create(username, name=name)
    typer.echo(token)
    typer.echo(f"token {record.prefix}… for {username} created; keep it secret", err=True)
