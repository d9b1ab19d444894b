"""`planwatch createuser`: users and their roles (plan office, clerk, leader, public)."""

from __future__ import annotations

from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.web.accounts.roles import Role


@app.command()
def createuser(
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[Role, typer.Option(help="plan_office, clerk, leader or public.")],
    department: Annotated[
        str, typer.Option(help="The clerk's department, as indicators name it (区统计局).")
    ] = "",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
    replace: Annotated[bool, typer.Option(help="Reset an existing user.")] = False,
    region: Annotated[
        str, typer.Option(help="A district's code: the user sees that region only.")
    ] = "",
) -> None:
    """Create a user with a role; a clerk also needs its department."""
    database.ready()
    from planwatch.web.accounts.services import create_user

    with reported():
        create_user(username, password, role, department=department, replace=replace, region=region)
    typer.echo(f"user {username}: {role.value}" + (f" ({department})" if department else ""))


@app.command()
def updateuser(
    username: Annotated[str, typer.Argument(help="Login name of the user to change.")],
    user: Annotated[str, typer.Option("--user", help="Plan-office login making the change.")],
    reason: Annotated[str, typer.Option(help="Why (goes to the audit log).")],
    role: Annotated[Role | None, typer.Option(help="New role.")] = None,
    department: Annotated[str | None, typer.Option(help="New department.")] = None,
    active: Annotated[
        bool | None, typer.Option("--active/--inactive", help="Allow or stop logging in.")
    ] = None,
) -> None:
    """Change a user's role, department or activation; recorded in the audit log."""
    database.ready()
    from planwatch.cli.projects import _user
    from planwatch.web.accounts.services import update_user

    with reported():
        update_user(
            actor=_user(user),
            username=username,
            reason=reason,
            role=role,
            department=department,
            active=active,
        )
    typer.echo(f"user {username} changed")
