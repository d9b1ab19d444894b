"""`planwatch ingest`, `review`, `check`: published reports in and out of the database."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from planwatch.cli import app, database, ingest_batch
from planwatch.cli.errors import reported
from planwatch.cli.plan import console
from planwatch.core.errors import InvalidValue
from planwatch.extract import extract_statements, read_report

ReportPath = Annotated[
    Path, typer.Argument(help="A report: UTF-8 or GB18030 text, or a saved HTML page.")
]
Region = Annotated[str, typer.Option(help="Region code, e.g. fuling.")]
Year = Annotated[int, typer.Option(help="The year the report reviews, e.g. 2024.")]
OptionalRegion = Annotated[
    str | None,
    typer.Option(help="Region code, e.g. fuling (a directory: files the manifest omits)."),
]
OptionalYear = Annotated[int | None, typer.Option(help="The year the report reviews, e.g. 2024.")]


@app.command()
def ingest(
    report: Annotated[
        Path,
        typer.Argument(
            help="A report (UTF-8 or GB18030 text, or a saved HTML page), or a directory of them."
        ),
    ],
    region: OptionalRegion = None,
    year: OptionalYear = None,
    label: Annotated[
        str | None, typer.Option(help="How values cite the report (LABEL:L33); default: file name.")
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            help="CSV with file,region,year[,label] per report (default: DIR/manifest.csv)."
        ),
    ] = None,
) -> None:
    """Extract reports' statements and store their values and targets with their provenance."""
    database.ready()
    if report.is_dir():
        with reported():
            found = ingest_batch.jobs(report, region, year, manifest)
        outcomes = ingest_batch.ingest_all(found)
        console().print(ingest_batch.summary(outcomes))
        if any(o.state.startswith("失败") for o in outcomes):
            raise typer.Exit(1)
        return
    from planwatch.web.plan.ingest import ingest_statements

    with reported():
        if region is None or year is None:
            raise InvalidValue("a single report needs --region and --year")
        text = read_report(report)
        statements = extract_statements(text)
        result = ingest_statements(
            region_code=region,
            year=year,
            name=report.name,
            label=label or report.stem,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            statements=statements,
            text=text,
        )
    if not result.new:
        when = f"{result.document.ingested_at:%Y-%m-%d}"
        typer.echo(f"{report.name} was ingested before ({when}); nothing changed")
        return
    typer.echo(
        f"ingested {report.name}: {result.statements} statements, {result.values} values, "
        f"{result.targets} targets; {result.review} statements wait for review (planwatch review)"
    )


@app.command()
def review(
    region: Annotated[str | None, typer.Option(help="Region code.")] = None,
    map_: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--map",
            metavar="SUBJECT INDICATOR_CODE",
            help="Map a subject to an indicator once: kept as its alias for every later document.",
        ),
    ] = None,
    user: Annotated[
        str | None, typer.Option("--user", help="Plan-office login acting (with --map).")
    ] = None,
    reason: Annotated[str, typer.Option(help="Why (kept in the indicator's history).")] = "",
) -> None:
    """List extracted statements that map to no indicator with confidence, or map one."""
    database.ready()
    if map_ is not None:
        _map_subject(region or "fuling", map_, user, reason)
        return
    from planwatch.web.plan.ingest import review_list

    table = Table("文件", "行", "主体 subject", "数值", "原文 quote", "原因 reason")
    for row in review_list(region):
        value = "—" if row.value is None else f"{row.value:g}{row.unit}"
        table.add_row(row.document.label, str(row.line), row.subject, value, row.quote, row.reason)
    console().print(table)


def _map_subject(region: str, pair: tuple[str, str], user: str | None, reason: str) -> None:
    from planwatch.cli.periods import _actor
    from planwatch.web.plan.review import map_subject

    subject, code = pair
    with reported():
        learned = map_subject(
            actor=_actor(user),
            region_code=region,
            subject=subject,
            indicator_code=code,
            reason=reason,
        )
    what = "now an alias of" if learned.added else "already names"
    typer.echo(
        f"{subject!r} is {what} {learned.indicator.code} ({learned.indicator.name}); "
        f"later documents map to it. {learned.waiting} earlier statements wait with this subject."
    )


@app.command()
def check(report: ReportPath, region: Region, year: Year) -> None:
    """Compare every number of a report draft with the database; list the mismatches by line."""
    database.ready()
    from planwatch.web.plan.draft_check import check_statements

    with reported():
        statements = extract_statements(read_report(report))
        mismatches = check_statements(region, statements)
    if not mismatches:
        typer.echo(f"{report.name}: {len(statements)} statements, no mismatch with the database")
        return
    table = Table("行", "问题", "稿中", "数据库", "原文")
    labels = {
        "wrong_figure": "数字不符",
        "wrong_qualifier": "修饰语不符",
        "stale_estimate": "预计数已有实际数",
    }
    for m in mismatches:
        table.add_row(str(m.line), labels[m.problem], m.found, m.expected, m.quote)
    console().print(table)
    raise typer.Exit(1)
