"""`planwatch projects …`, `notice`, `problems`: the year's work tracked in a closed loop."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.plan import DEMO_DATASET
from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.core.problems import Action
from planwatch.core.progress import DEFAULT_THRESHOLD
from planwatch.core.project_totals import GROUPINGS, group_totals
from planwatch.core.projects import to_yi

projects_app = typer.Typer(help="The project register: load, import, export, totals.")
app.add_typer(projects_app, name="projects")

UserName = Annotated[str, typer.Option("--user", help="Login name of the acting user.")]
RegionCode = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="Region code, e.g. fuling (default: the first region by code, the only one of a "
        "district deployment). Project and problem codes are unique within a region.",
    ),
]


def _region(code: str | None) -> Any:
    from planwatch.services.regions import region

    return region(code)


def _user(name: str) -> Any:
    """The acting user; their role decides what the command may do."""
    from django.contrib.auth.models import User

    try:
        return User.objects.get(username=name)
    except User.DoesNotExist:
        raise NotFound(f"no user {name!r} (create one with `planwatch createuser`)") from None


@projects_app.command("load")
def load(
    directory: Annotated[Path, typer.Argument(help="Dataset directory.")] = DEMO_DATASET,
    year: Annotated[int, typer.Option(help="Plan year.")] = 2025,
) -> None:
    """Load a dataset's register, progress, key tasks and problems, all or nothing."""
    database.ready()
    from planwatch.web.projects.demo import load_year

    with reported():
        result = load_year(directory, year)
    typer.echo(
        f"loaded {result.projects} projects, {result.progress} progress reports, "
        f"{result.sub_targets} sub-targets, {result.problems} problems"
    )


@projects_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A workbook filled from the template (.xlsx).")],
    user: UserName,
    region: RegionCode = None,
) -> None:
    """Import a clerk's workbook: every row, or nothing and the list of every bad cell."""
    database.ready()
    from planwatch.services.project_register import import_workbook

    with reported():
        stored = import_workbook(file, actor=_user(user), region=_region(region))
    typer.echo(f"imported {stored.projects} projects and {stored.progress} progress reports")


@projects_app.command("report")
def report(
    code: Annotated[str, typer.Argument(help="Project code, e.g. 2025-ZF-020.")],
    month: Annotated[str, typer.Option(help="The month, e.g. 2025-11.")],
    completed: Annotated[str, typer.Option(help="Cumulative completed investment, 万元.")],
    user: UserName,
    narrative: Annotated[str, typer.Option(help="Progress this month.")] = "",
    reason: Annotated[
        str, typer.Option(help="Why: a month reported again, lower than last month, above plan.")
    ] = "",
    region: RegionCode = None,
) -> None:
    """Report a project's month, under the rule of the page and the API; refused exits 2."""
    database.ready()
    from planwatch.services.project_entry import ProgressEntry
    from planwatch.services.projects import report_project_progress

    with reported():
        entry = ProgressEntry(month, _money(completed), narrative=narrative, reason=reason)
        done = report_project_progress(
            actor=_user(user), code=code, entry=entry, via="cli", region=_region(region).code
        )
    typer.echo(f"{code} {done.period}: {done.completed} 万元")


def _money(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise InvalidValue(f"「{text}」不是金额") from None


@projects_app.command("export")
def export(
    out: Annotated[Path, typer.Option(help="Workbook to write.")] = Path("projects.xlsx"),
    year: Annotated[int, typer.Option(help="Plan year.")] = 2025,
    template: Annotated[bool, typer.Option(help="Write an empty template instead.")] = False,
    region: RegionCode = None,
) -> None:
    """Write the register and its progress (or an empty template) as the clerks' workbook."""
    database.ready()
    from planwatch.services.project_register import export_workbook

    with reported():
        stored = export_workbook(out, None if template else year, _region(region))
    typer.echo(f"wrote {out}: {stored.projects} projects, {stored.progress} progress reports")


@projects_app.command("totals")
def totals_(
    by: Annotated[str, typer.Option(help=f"One of {', '.join(GROUPINGS)}.")] = "category",
    year: Annotated[int, typer.Option(help="Plan year.")] = 2025,
    government: Annotated[
        bool, typer.Option("--government", help="Only government investment projects.")
    ] = False,
    region: RegionCode = None,
) -> None:
    """Counts and sums of the register (亿元), grouped."""
    database.ready()
    from planwatch.services.project_register import register

    if by not in GROUPINGS:
        raise typer.BadParameter(f"--by must be one of {', '.join(GROUPINGS)}")
    with reported():
        chosen = _region(region)
    projects = [p for p in register(year, chosen) if p.government or not government]
    table = Table("group", "projects", "total (亿元)", "annual plan (亿元)")
    for g in group_totals(projects, by):
        table.add_row(g.key, str(g.count), f"{to_yi(g.total):,.2f}", f"{to_yi(g.annual_plan):,.2f}")
    Console().print(table)


@app.command()
def notice(
    month: Annotated[str, typer.Option(help="The month, e.g. 2025-06.")],
    out: Annotated[Path, typer.Option(help="Directory for the .md and .docx.")] = Path("."),
    threshold: Annotated[
        float, typer.Option(help="Points behind time progress before a project lags.")
    ] = float(DEFAULT_THRESHOLD),
    region: RegionCode = None,
) -> None:
    """Write the lag notice (督导通报) of a month as Markdown and DOCX."""
    database.ready()
    from planwatch.reports.build_notice import build_lag_notice
    from planwatch.reports.render import Format, render
    from planwatch.services.project_register import lag_notice

    with reported():
        the_notice = lag_notice(
            Period.parse(month), _region(region), threshold=Decimal(str(threshold))
        )
    out.mkdir(parents=True, exist_ok=True)
    markdown, docx = out / f"notice-{month}.md", out / f"notice-{month}.docx"
    report = build_lag_notice(the_notice)
    markdown.write_bytes(render(report, Format.MD))
    docx.write_bytes(render(report, Format.DOCX))
    typer.echo(f"{len(the_notice.lagging)} lagging projects; wrote {markdown} and {docx}")


@app.command()
def problems(
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only open problems past due.")
    ] = False,
    today: Annotated[str, typer.Option(help="The day to judge by (YYYY-MM-DD).")] = "",
    region: RegionCode = None,
) -> None:
    """List a region's problem list (问题清单), or only its overdue entries."""
    database.ready()
    from planwatch.services.problems import overdue_problems, problems

    day = date.fromisoformat(today) if today else date.today()
    with reported():
        chosen = _region(region)
    listed = overdue_problems(day, chosen) if overdue else problems(region=chosen)
    table = Table("code", "state", "department", "deadline", "days late", "description")
    for p in listed:
        late = (day - p.deadline).days if p.is_overdue(day) else 0
        table.add_row(
            p.code, p.state.label_zh, p.department, str(p.deadline), str(late or ""), p.description
        )
    Console().print(table)
    typer.echo(f"{len(listed)} problem(s)")


@app.command()
def tasks(
    quarter: Annotated[str, typer.Option(help="The quarter, e.g. 2025-Q3.")],
    today: Annotated[str, typer.Option(help="Day milestones are judged at (YYYY-MM-DD).")] = "",
) -> None:
    """The key tasks' sub-targets at a quarter: the engine's verdict, or the milestone's state."""
    database.ready()
    from planwatch.services.tasks import verdicts

    period = Period.parse(quarter)
    with reported():
        judged = verdicts(period, date.fromisoformat(today) if today else date.today())
    table = Table("code", "sub-target", "target", "latest", "verdict", "source")
    for v in judged:
        e, sub = v.evaluation, v.sub_target
        latest = "" if e is None or e.actual is None else f"{e.actual:g}{sub.unit}"
        verdict = v.milestone.label_zh if v.milestone else (e.verdict.label_zh if e else "")
        estimate = "(预计)" if e is not None and e.is_estimate else ""
        table.add_row(sub.code, sub.subject, sub.text, latest + estimate, verdict, sub.source)
    Console().print(table)


@app.command()
def problem(
    code: Annotated[str, typer.Argument(help="Problem code, e.g. WT-2025-003.")],
    action: Annotated[Action, typer.Argument(help="assign, start, submit, send_back or close.")],
    user: UserName,
    note: Annotated[str, typer.Option(help="Why (required to send back).")] = "",
    evidence: Annotated[
        list[str] | None, typer.Option(help="File name of a piece of evidence; repeatable.")
    ] = None,
    region: RegionCode = None,
) -> None:
    """Take one step of a region's problem's closed loop; a step the rules refuse exits 2
    saying why."""
    database.ready()
    from planwatch.services.problems import take_problem_step

    with reported():
        result = take_problem_step(
            code,
            action,
            actor=_user(user),
            region=region,
            note=note,
            evidence=tuple(evidence or ()),
        )
    typer.echo(f"{result.code}: {result.history[-1].before.label_zh} → {result.state.label_zh}")


@app.command("task-progress")
def task_progress(
    code: Annotated[str, typer.Argument(help="Sub-target code, e.g. 3-1-1.")],
    quarter: Annotated[str, typer.Option(help="The quarter, e.g. 2025-Q4.")],
    user: UserName,
    value: Annotated[float | None, typer.Option(help="A quantity's value.")] = None,
    done_on: Annotated[str, typer.Option(help="A milestone's completion day (YYYY-MM-DD).")] = "",
    note: Annotated[str, typer.Option(help="What was done.")] = "",
    reason: Annotated[str, typer.Option(help="Why a quarter already reported changes.")] = "",
) -> None:
    """Report a sub-target's quarter, under the rule of the API; refused exits 2."""
    database.ready()
    from planwatch.core.tasks import TaskProgress
    from planwatch.services.tasks import report_subtarget_progress

    with reported():
        day = _day(done_on) if done_on else None
        progress = TaskProgress(code, Period.parse(quarter), value=value, done_on=day, note=note)
        done = report_subtarget_progress(progress, actor=_user(user), reason=reason)
    typer.echo(f"{code} {done.period}: {done.value if done.done_on is None else done.done_on}")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"「{text}」不是日期(如 2025-03-01)") from None
