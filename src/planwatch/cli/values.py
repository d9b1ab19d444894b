"""`planwatch values …`: submit, approve, return and correct one indicator value.

Each command calls the one service of its operation
(:mod:`planwatch.services.values`) as the named user, as the pages and the
API do; a refusal prints the service's message and exits with status 2.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.projects import _user
from planwatch.core.errors import NotFound
from planwatch.core.observations import Period, Status

values_app = typer.Typer(help="Indicator values: submit, approve, return, correct.")
app.add_typer(values_app, name="values", no_args_is_help=True)

User = Annotated[str, typer.Option("--user", help="Login name of the acting user.")]
Code = Annotated[str, typer.Argument(help="Indicator code, e.g. gdp_growth.")]
PeriodText = Annotated[str, typer.Argument(help="2025, 2025-Q3 or 2025-07.")]
Value = Annotated[float, typer.Argument(help="The value, in the indicator's unit.")]
Estimate = Annotated[bool, typer.Option("--estimate", help="An estimate, not an actual.")]
Note = Annotated[str, typer.Option(help="Remark (needed for an unusual value).")]
RegionCode = Annotated[str, typer.Option("--region", help="Region code.")]
Id = Annotated[int, typer.Argument(help="Submission number.")]


@values_app.command("submit")
def submit(
    code: Code,
    period: PeriodText,
    value: Value,
    user: User,
    estimate: Estimate = False,
    note: Note = "",
    draft: Annotated[bool, typer.Option("--draft", help="Keep as a draft.")] = False,
    region: RegionCode = "fuling",
) -> None:
    """Submit a value of a department's indicator for review (or keep it as a draft)."""
    database.ready()
    from planwatch.services import values

    with reported():
        operation = values.save_value_draft if draft else values.submit_value
        entry = values.Entry(period, value, _status(estimate), note)
        done = operation(actor=_user(user), indicator_id=_indicator(region, code).id, entry=entry)
    typer.echo(
        f"submission #{done.id}: {done.indicator.code} {done.period} = {done.value:g} "
        f"({done.get_state_display()})"
    )


@values_app.command("approve")
def approve(submission: Id, user: User) -> None:
    """Approve a pending submission: its value becomes current (not one's own: four eyes)."""
    database.ready()
    from planwatch.services import values

    with reported():
        done = values.approve_value(actor=_user(user), submission_id=submission)
    typer.echo(f"submission #{done.id} approved: value #{done.observation_id} is current")


@values_app.command("return")
def return_(
    submission: Id,
    user: User,
    reason: Annotated[str, typer.Option(help="Why it goes back to the department.")],
) -> None:
    """Return a pending submission to its department with the reason."""
    database.ready()
    from planwatch.services import values

    with reported():
        done = values.return_value(actor=_user(user), submission_id=submission, reason=reason)
    typer.echo(f"submission #{done.id} returned to {done.department}")


@values_app.command("correct")
def correct(
    code: Code,
    period: PeriodText,
    value: Value,
    user: User,
    reason: Annotated[str, typer.Option(help="Why the published value was wrong.")],
    estimate: Estimate = False,
    note: Note = "",
    region: RegionCode = "fuling",
) -> None:
    """File a correction of a published value (with a reason) for review."""
    database.ready()
    from planwatch.services import values
    from planwatch.web.plan.models import ObservationRecord

    with reported():
        indicator, status = _indicator(region, code), _status(estimate)
        current = ObservationRecord.objects.filter(
            indicator=indicator, period=str(Period.parse(period)), status=status.value
        ).first()
        if current is None:
            raise NotFound(f"{indicator.name} {period} 没有{status.label_zh}值可更正。")
        entry = values.Entry(period, value, status, note)
        done = values.correct_value(
            actor=_user(user), observation_id=current.id, entry=entry, reason=reason
        )
    typer.echo(f"correction #{done.id} of {done.corrects_origin} submitted for review")


def _status(estimate: bool) -> Status:
    return Status.ESTIMATE if estimate else Status.ACTUAL


def _indicator(region: str, code: str) -> Any:
    from planwatch.web.plan.models import IndicatorRecord

    found = IndicatorRecord.objects.filter(region__code=region, code=code).first()
    if found is None:
        raise NotFound(f"{region} 没有指标 {code}。")
    return found
