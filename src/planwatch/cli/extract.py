"""`planwatch extract`: read a published report and print its statements, tree or score."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from planwatch.cli import app
from planwatch.cli.errors import reported
from planwatch.core.errors import ExtractionError
from planwatch.extract import (
    Score,
    Statement,
    document_tree,
    extract_statements,
    read_jsonl,
    read_report,
    score,
    to_csv,
    to_jsonl,
)
from planwatch.extract.score import FIELDS
from planwatch.extract.sections import Tree


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    TABLE = "table"


@app.command("extract")
def extract_command(
    report: Annotated[Path, typer.Argument(help="Report file: text or HTML, UTF-8 or GB18030.")],
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    tree: Annotated[bool, typer.Option("--tree", help="Print the section tree instead.")] = False,
    gold: Annotated[
        Path | None, typer.Option("--score", help="Score against this gold JSONL file.")
    ] = None,
) -> None:
    """Extract the quantitative statements of a plan report."""
    with reported():
        text = read_report(report)
        if tree:
            _print_tree(document_tree(text))
            return
        statements = extract_statements(text)
        if gold is not None:
            _print_score(score(statements, read_jsonl(_read_gold(gold))))
            return
    if output is OutputFormat.JSONL:
        typer.echo(to_jsonl(statements), nl=False)
    elif output is OutputFormat.CSV:
        typer.echo(to_csv(statements), nl=False)
    else:
        _print_table(statements)


def _read_gold(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ExtractionError(f"cannot read gold file {path}: {error}") from None


def _print_table(statements: list[Statement]) -> None:
    table = Table("line", "section", "subject", "measure", "value", "unit", "qualifier",
                  "period", "status")  # fmt: skip
    for s in statements:
        value = "" if s.value is None else f"{s.value:g}"
        table.add_row(str(s.line), s.section, s.subject, s.measure, value, s.unit or "",
                      s.qualifier, s.period, s.status)  # fmt: skip
    Console().print(table)


def _print_tree(tree: Tree) -> None:
    for part in tree.parts:
        typer.echo(f"{part.label}、{part.title}  [line {part.line}, {part.kind}, {part.year}]")
        for area in part.areas:
            where = f"line {area.line}" if area.line else area.note
            typer.echo(f"  {area.label} {area.title or '(no heading)'}  [{where}]")
            for item in area.items:
                typer.echo(f"    {item.label} {item.title}  [line {item.line}]")


def _print_score(result: Score) -> None:
    typer.echo(f"statements: predicted {result.predicted}, gold {result.gold}, "
               f"matched {result.matched}")  # fmt: skip
    typer.echo(f"precision {result.precision:.3f}  recall {result.recall:.3f}  "
               f"F1 {result.f1:.3f}")  # fmt: skip
    for name in FIELDS:
        typer.echo(f"{name:>16}: {result.field_accuracy[name]:.3f}")
