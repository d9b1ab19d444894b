"""`planwatch nowcast`: in-year monitoring — year-to-date, pace needed, nowcast, risk tier."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.periods import Acting, _actor
from planwatch.cli.plan import Format, console

_TIER_STYLE = {"at_risk": "bold red", "push": "yellow", "on_track": "green", "not_assessed": "dim"}


@app.command()
def nowcast(
    region: Annotated[str, typer.Option(help="Region code, e.g. fuling.")],
    year: Annotated[int, typer.Option(help="Plan year, e.g. 2025.")],
    as_of: Annotated[
        str | None,
        typer.Option(help="A month or quarter (2025-10, 2025-Q3); default: the latest with data."),
    ] = None,
    output: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.TABLE,
    raise_warnings: Annotated[
        bool,
        typer.Option(
            "--raise-warnings",
            help="Report binding indicators judged 难以完成 as problems (once per month).",
        ),
    ] = False,
    user: Acting = None,
) -> None:
    """Will each indicator make the year? Pace needed, year-end nowcast and risk tier."""
    database.ready()
    from planwatch.core.observations import Period
    from planwatch.services.nowcast import nowcast_year, raise_early_warnings

    with reported():
        period = None if as_of is None else Period.parse(as_of)
        result = nowcast_year(region, year, period)
        raised = (
            raise_early_warnings(actor=_actor(user), region=region, year=year, as_of=result.as_of)
            if raise_warnings
            else []
        )
    records = [a.as_record() for a in result.ranked()]
    if output is Format.JSON:
        payload = {
            "region": region,
            "year": year,
            "as_of": str(result.as_of),
            "warnings": [a.indicator.code for a in result.warnings],
            "assessments": records,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output is Format.CSV:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_table(f"{result.region_name} {year}年指标年内监测(截至{result.as_of})", records)
        for warning in result.warnings:
            typer.echo(f"预警: 约束性指标「{warning.indicator.name}」难以完成 — {warning.rule}")
    for problem in raised:
        typer.echo(f"已登记问题 {problem.code} → {problem.department}", err=True)


def _print_table(title: str, records: list[dict[str, object]]) -> None:
    table = Table(title=title)
    for column in ("指标", "属性", "累计", "来源", "尚需", "全年预计", "区间", "研判", "规则"):
        table.add_column(column, overflow="fold")
    for r in records:
        pace = r["pace"]
        needed = "" if pace is None else f"{pace:g}" + ("%" if r["pace_kind"] == "growth" else "")
        interval = "" if r["low"] is None else f"{r['low']:g}–{r['high']:g}"
        ytd = "—" if r["ytd"] is None else f"{r['ytd']:g}{r['unit']} [{r['period']}]"
        table.add_row(
            str(r["name"]),
            "约束性" if r["binding"] == "binding" else "预期性",
            ytd,
            str(r["source"] or ""),
            needed,
            "" if r["nowcast"] is None else f"{r['nowcast']:g}",
            interval,
            f"[{_TIER_STYLE[str(r['tier'])]}]{r['tier_zh']}[/]",
            str(r["rule"]),
        )
    console().print(table)
