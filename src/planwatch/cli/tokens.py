"""`planwatch token create|list|revoke`: API tokens, the secret printed once."""

from __future__ import annotations

from datetime import timedelta
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
    expires_days: Annotated[
        int | None, typer.Option(help="Valid for this many days (default: until revoked).")
    ] = None,
) -> None:
    """Create a token for USER; it is shown only now (only its hash is stored)."""
    database.ready()
    from django.utils import timezone

    from planwatch.web.api import tokens

    expires = None if expires_days is None else timezone.now() + timedelta(days=expires_days)
    with reported():
        record, token = tokens.create(username, name=name, expires=expires)
    typer.echo(token)
    typer.echo(f"token {record.prefix}… for {username} created; keep it secret", err=True)


@token_app.command("list")
def list_(
    username: Annotated[str | None, typer.Argument(help="Only this user's tokens.")] = None,
) -> None:
    """Every token (or USER's): id, first characters, user, name, created, last used, state."""
    database.ready()
    from django.utils import timezone

    from planwatch.web.api import tokens

    now = timezone.now()
    for t in tokens.listed(actor=None, username=username):
        state = (
            f"revoked {t.revoked:%Y-%m-%d %H:%M}"
            if t.revoked
            else f"expired {t.expires:%Y-%m-%d}"
            if t.expires and t.expires <= now
            else f"valid until {t.expires:%Y-%m-%d}"
            if t.expires
            else "valid"
        )
        used = f"{t.last_used:%Y-%m-%d %H:%M}" if t.last_used else "never used"
        typer.echo(
            f"{t.pk}\t{t.prefix}…\t{t.user.username}\t{t.name or '-'}\t"
            f"created {t.created:%Y-%m-%d}\t{used}\t{state}"
        )


@token_app.command("revoke")
def revoke(token_id: Annotated[int, typer.Argument(help="The id `token list` shows.")]) -> None:
    """Revoke a token from now on; it stays listed, with the time it was revoked."""
    database.ready()
    from planwatch.web.api import tokens

    with reported():
        record = tokens.revoke(actor=None, token_id=token_id)
    typer.echo(f"token {record.prefix}… of {record.user.username} revoked")
