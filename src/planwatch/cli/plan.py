"""`planwatch load`, `indicators`, `evaluate`: the plan's indicators and their evaluation."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.core.evaluation import Evaluation, Verdict

DEMO_DATASET = Path(__file__).resolve().parent.parent / "data" / "fuling"

_VERDICT_STYLE = {
    Verdict.ABOVE: "bold green",
    Verdict.MET: "green",
    Verdict.BELOW: "bold red",
    Verdict.NO_DATA: "dim",
    Verdict.NOT_REPORTED: "magenta",
    Verdict.NO_TARGET: "dim",
}


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@app.command()
def load(
    directory: Annotated[Path, typer.Argument(help="A dataset directory (region.toml, *.csv).")],
) -> None:
    """Load a dataset directory into the database, all or nothing."""
    database.ready()
    from planwatch.web.plan.services import load_dataset

    with reported():
        result = load_dataset(directory)
    typer.echo(
        f"loaded {result.region}: {result.indicators} indicators, "
        f"{result.targets} targets, {result.observations} observations"
    )


@app.command()
def indicators(
    region: Annotated[str | None, typer.Option(help="Region code, e.g. fuling.")] = None,
) -> None:
    """List the indicator catalog in plan order."""
    database.ready()
    from planwatch.web.plan import services

    with reported():
        records = services.indicators(region)
    table = Table("区域", "代码 code", "指标", "属性", "单位", "类型", "方向", "责任单位")
    for r in records:
        ind = r.to_domain()
        table.add_row(
            r.region.code,
            ind.code,
            ind.name,
            ind.binding.label_zh,
            ind.unit,
            ind.kind.value,
            ind.direction.value,
            ind.owner,
        )
    console().print(table)


@app.command()
def evaluate(
    region: Annotated[str, typer.Option(help="Region code, e.g. fuling.")],
    year: Annotated[int, typer.Option(help="Plan year, e.g. 2024.")],
    output: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.TABLE,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print the summary paragraph.")
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            help="Judge up to this month, quarter or year (2025-10, 2025-Q3); default: the "
            "latest closed reporting period, else the latest month most indicators reported."
        ),
    ] = None,
) -> None:
    """Evaluate a plan year as of a period: verdict, attainment and rule for every indicator."""
    database.ready()
    from planwatch.services.evaluation import evaluate

    with reported():
        result = evaluate(region, year, as_of=as_of)
    if output is Format.JSON:
        payload: dict[str, object] = {
            "region": region,
            "year": year,
            "as_of": str(result.as_of),
            "as_of_rule": result.as_of.rule.value,
            "evaluations": [e.as_record() for e in result.evaluations],
        }
        if summary:
            payload["summary"] = result.summary
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output is Format.CSV:
        write_csv(result.evaluations)
    else:
        title = f"{result.region_name} {year}年计划指标评价(截至{result.as_of})"
        print_table(title, result.evaluations)
        if summary:
            typer.echo(result.summary)


def _progress_text(evaluation: Evaluation) -> str:
    p = evaluation.progress
    if p is None:
        return ""
    return f"{p.progress:.1f}% / 序时{p.expected:.1f}% {p.light.label_zh}"


def console() -> Console:
    """A console as wide as the terminal, or wide enough for the tables when piped."""
    plain = Console()
    return plain if plain.is_terminal else Console(width=200)


def write_csv(evaluations: list[Evaluation]) -> None:
    records = [e.as_record() for e in evaluations]
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)


def print_table(title: str, evaluations: list[Evaluation]) -> None:
    table = Table(title=title)
    with_progress = any(e.progress for e in evaluations)
    columns = [
        "指标",
        "属性",
        "单位",
        "目标",
        "实际/预计",
        "来源",
        "实现程度",
        "评价",
        "<80%",
        "规则",
    ]
    for column in columns + (["序时进度"] if with_progress else []):
        table.add_column(column, overflow="fold")
    for e in evaluations:
        obs = e.observation
        actual = "—" if obs is None else f"{obs.value:g}" + ("(预计)" if e.is_estimate else "")
        if obs is not None and not obs.period.is_year:
            actual += f" [{obs.period}]"
        progress = [] if not with_progress else [_progress_text(e)]
        table.add_row(
            e.indicator.name,
            e.indicator.binding.label_zh,
            e.indicator.unit,
            e.target.text if e.target else "—",
            actual,
            obs.source if obs else "",
            "—" if e.attainment is None else f"{e.attainment:.1f}%",
            f"[{_VERDICT_STYLE.get(e.verdict, '')}]{e.verdict.label_zh}[/]",
            "⚠" if e.flagged else "",
            e.rule,
            *progress,
        )
    console().print(table)
