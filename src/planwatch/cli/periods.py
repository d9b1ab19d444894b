"""`planwatch periods …` and `planwatch submissions …`: the monthly data collection."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.projects import _user
from planwatch.core.errors import InvalidValue

periods_app = typer.Typer(help="Reporting periods: open, close, list.", no_args_is_help=True)
app.add_typer(periods_app, name="periods")

Region = Annotated[str, typer.Option(help="Region code, e.g. fuling.")]
Acting = Annotated[
    str | None,
    typer.Option("--user", help="Plan-office login acting (default: the only plan-office user)."),
]


def _actor(name: str | None) -> Any:
    """The named user, or the one plan-office user when there is exactly one."""
    if name:
        return _user(name)
    from django.contrib.auth.models import User

    office = list(User.objects.filter(groups__name="plan_office", is_active=True)[:2])
    if len(office) != 1:
        raise InvalidValue("请用 --user 指定执行操作的发展改革委用户。")
    return office[0]


@periods_app.command("open")
def open_(
    period: Annotated[str, typer.Argument(help="2025-06, 2025-Q3 or 2025.")],
    due: Annotated[str, typer.Option(help="Due date of the values (YYYY-MM-DD).")],
    region: Region = "fuling",
    user: Acting = None,
) -> None:
    """Open a reporting period (or reopen a closed one) until its due date."""
    database.ready()
    from planwatch.web.submissions import periods

    with reported():
        day = _date(due)
        record = periods.open_period(actor=_actor(user), region_code=region, period=period, due=day)
    typer.echo(f"{record.region.code} {record.period}: open until {record.due}")


@periods_app.command("close")
def close(
    period: Annotated[str, typer.Argument(help="2025-06, 2025-Q3 or 2025.")],
    region: Region = "fuling",
    user: Acting = None,
) -> None:
    """Close a reporting period: new values for it are refused, corrections still accepted."""
    database.ready()
    from planwatch.web.submissions import periods

    with reported():
        record = periods.close_period(actor=_actor(user), region_code=region, period=period)
    typer.echo(f"{record.region.code} {record.period}: closed")


@periods_app.command("list")
def list_(
    region: Annotated[str | None, typer.Option(help="Region code.")] = None,
    user: Acting = None,
) -> None:
    """Every reporting period with its due date, state and how many values are still owed."""
    database.ready()
    from planwatch.web.submissions import periods

    with reported():
        actor = _actor(user)
        found = periods.periods(actor=actor, region_code=region)
        owed = periods.obligations(actor=actor, region_code=region)
    table = Table("region", "period", "due", "state", "owed", "submitted", "overdue")
    for p in found:
        mine = [o for o in owed if o.period.pk == p.pk]
        done = sum(o.state.value in ("submitted", "approved") for o in mine)
        late = sum(o.overdue for o in mine)
        state = "open" if p.is_open else "closed"
        counts = (str(len(mine)), str(done), str(late)) if p.is_open else ("", "", "")
        table.add_row(p.region.code, p.period, str(p.due), state, *counts)
    Console().print(table)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{text!r} 不是日期(YYYY-MM-DD)。") from None


submissions_app = typer.Typer(help="Department submissions by workbook.", no_args_is_help=True)
app.add_typer(submissions_app, name="submissions")


@submissions_app.command("export")
def export(
    period: Annotated[str, typer.Option(help="An open period, e.g. 2025-06.")],
    department: Annotated[str, typer.Option(help="The department, e.g. 区统计局.")],
    out: Annotated[Path, typer.Option(help="Workbook to write.")] = Path("submissions.xlsx"),
    region: Region = "fuling",
    user: Acting = None,
) -> None:
    """Write a department's pre-filled workbook of the values it owes in an open period."""
    database.ready()
    from planwatch.web.submissions import imports

    with reported():
        content = imports.export_workbook(
            actor=_actor(user), region_code=region, period=period, department=department
        )
    out.write_bytes(content)
    typer.echo(f"wrote {out}")


@submissions_app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="A filled workbook (.xlsx).", exists=True, dir_okay=False)
    ],
    user: Annotated[str, typer.Option("--user", help="Login name of the submitting user.")],
    region: Annotated[str | None, typer.Option(help="Region, if the workbook names none.")] = None,
) -> None:
    """Submit a filled workbook for review: every row, or nothing and every bad cell."""
    database.ready()
    from planwatch.web.submissions import imports

    with reported(), file.open("rb") as stream:
        done = imports.import_workbook(
            actor=_user(user), stream=stream, name=file.name, region_code=region
        )
    typer.echo(f"{done.region}: {done.submitted} values submitted for review")
