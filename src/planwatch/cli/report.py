"""`planwatch report annual|quarterly|monthly|notice`: write a report from the database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.reports.render import Format

report_app = typer.Typer(help="Write the plan's reports (DOCX, PDF, HTML, Markdown).")
app.add_typer(report_app, name="report")

Region = Annotated[str, typer.Option(help="Region code, e.g. fuling.")]
FormatOption = Annotated[Format, typer.Option("--format", help="docx, pdf, html or md.")]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="File to write; default <region>-<name>.<format>."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Judge indicators up to this month, quarter or year (2025-10); default: the "
        "latest closed reporting period, else the latest month most indicators reported.",
    ),
]
Sources = Annotated[
    bool, typer.Option("--sources", help="Append a table naming the source of every figure.")
]


@report_app.command()
def annual(
    region: Region,
    year: Annotated[int, typer.Option(help="The year whose execution is reported, e.g. 2024.")],
    fmt: FormatOption = Format.PDF,
    output: Output = None,
    sources: Sources = False,
    as_of: AsOfOption = None,
) -> None:
    """The annual report: YEAR's execution and the plan of YEAR+1 (the seed's structure)."""
    database.ready()
    from planwatch.reports.documents import annual_report

    with reported():
        content = annual_report(region, year, fmt, as_of=as_of, sources=sources)
    _write(content, output or Path(f"{region}-{year}-annual.{fmt.value}"))


@report_app.command()
def quarterly(
    region: Region,
    period: Annotated[str, typer.Option(help="The quarter, e.g. 2025-Q3.")],
    fmt: FormatOption = Format.PDF,
    output: Output = None,
    sources: Sources = False,
) -> None:
    """The quarterly brief (季度经济运行分析): indicators against time progress, with charts."""
    _brief("quarterly", region, period, fmt, output, sources)


@report_app.command()
def monthly(
    region: Region,
    period: Annotated[str, typer.Option(help="The month, e.g. 2025-10.")],
    fmt: FormatOption = Format.PDF,
    output: Output = None,
    sources: Sources = False,
) -> None:
    """The monthly brief (月度经济运行分析): the pace still needed and the year-end outlook."""
    _brief("monthly", region, period, fmt, output, sources)


def _brief(
    kind: str, region: str, period: str, fmt: Format, output: Path | None, sources: bool
) -> None:
    database.ready()
    from planwatch.reports.documents import monthly_report, quarterly_report

    write = {"quarterly": quarterly_report, "monthly": monthly_report}[kind]
    with reported():
        content = write(region, period, fmt, sources=sources)
    _write(content, output or Path(f"{region}-{period}-{kind}.{fmt.value}"))


@report_app.command()
def notice(
    region: Region,
    month: Annotated[str, typer.Option(help="The month, e.g. 2025-06.")],
    fmt: FormatOption = Format.PDF,
    output: Output = None,
    threshold: Annotated[
        float | None, typer.Option(help="Points behind time progress before a project lags.")
    ] = None,
    sources: Sources = False,
    number: Annotated[str, typer.Option(help="发文字号; default from report.toml.")] = "",
    to: Annotated[str, typer.Option(help="主送机关; default from report.toml.")] = "",
    issuer: Annotated[str, typer.Option(help="发文机关署名; default from report.toml.")] = "",
    date: Annotated[str, typer.Option(help="成文日期, e.g. 2025-07-03; default today.")] = "",
    cc: Annotated[str, typer.Option(help="抄送机关; default from report.toml.")] = "",
) -> None:
    """The lag notice (督导通报) of a month as a 公文: lagging projects by department."""
    database.ready()
    from planwatch.reports.documents import notice_report

    limit = None if threshold is None else Decimal(str(threshold))
    official = {"number": number, "to": to, "issuer": issuer, "date": date, "cc": cc}
    with reported():
        content = notice_report(
            region, month, fmt, threshold=limit, sources=sources, official=official
        )
    _write(content, output or Path(f"{region}-{month}-notice.{fmt.value}"))


def _write(content: bytes, path: Path) -> None:
    path.write_bytes(content)
    typer.echo(f"wrote {path} ({len(content):,} bytes)")
