"""`planwatch ingest DIR`: every report of a directory, each all or nothing, then a summary.

A document is ingested by the same service as a single report
(:func:`planwatch.web.plan.ingest.ingest_statements`, one transaction); one
that fails is reported with its reason and the others go on. A manifest
(``manifest.csv`` in the directory, or ``--manifest``; columns ``file``,
``region``, ``year`` and optionally ``label``) gives a region and year per
file; files it does not list take ``--region`` and ``--year``.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from rich.progress import Progress
from rich.table import Table

from planwatch.core.errors import InvalidValue, PlanwatchError
from planwatch.extract import extract_statements, read_report

REPORT_SUFFIXES = (".txt", ".htm", ".html")


@dataclass(frozen=True)
class Job:
    path: Path
    region: str | None
    year: int | None
    label: str


@dataclass(frozen=True)
class Outcome:
    job: Job
    found: int = 0
    mapped: int = 0
    review: int = 0
    state: str = ""  # 新增 / 未变 (ingested before) / 失败: reason


def jobs(directory: Path, region: str | None, year: int | None, manifest: Path | None) -> list[Job]:
    """The reports of ``directory`` in name order, each with its region, year and label."""
    listed = _manifest(manifest or directory / "manifest.csv")
    found = []
    for path in sorted(p for p in directory.iterdir() if p.suffix.lower() in REPORT_SUFFIXES):
        row = listed.get(path.name, {})
        given_year = row.get("year") or (str(year) if year else "")
        found.append(
            Job(
                path,
                row.get("region") or region,
                int(given_year) if given_year.isdigit() else None,
                row.get("label") or path.stem,
            )
        )
    return found


def _manifest(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    if rows and "file" not in rows[0]:
        raise InvalidValue(f"{path.name}: the manifest needs a 'file' column")
    return {row["file"].strip(): {k: (v or "").strip() for k, v in row.items()} for row in rows}


def ingest_all(found: list[Job]) -> list[Outcome]:
    """Ingest every job with a progress bar; failures are outcomes, not exceptions."""
    outcomes = []
    with Progress(transient=True) as progress:
        task = progress.add_task("ingest", total=len(found))
        for job in found:
            progress.update(task, description=job.path.name)
            outcomes.append(_one(job))
            progress.advance(task)
    return outcomes


def _one(job: Job) -> Outcome:
    from planwatch.web.plan.ingest import ingest_statements

    if not job.region or not job.year:
        return Outcome(job, state="失败: no region or year (--region/--year or the manifest)")
    try:
        text = read_report(job.path)
        statements = extract_statements(text)
        result = ingest_statements(
            region_code=job.region,
            year=job.year,
            name=job.path.name,
            label=job.label,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            statements=statements,
            text=text,
        )
    except PlanwatchError as exc:
        return Outcome(job, state=f"失败: {exc.message}")
    except (OSError, UnicodeError) as exc:
        return Outcome(job, state=f"失败: {exc}")
    mapped = result.statements - result.review
    state = "新增" if result.new else "未变 (ingested before)"
    return Outcome(job, result.statements, mapped, result.review, state)


def summary(outcomes: list[Outcome]) -> Table:
    """One row per document and a total row."""
    table = Table("文件 file", "地区", "年度", "语句 found", "已映射 mapped", "待审 review", "结果")
    for o in outcomes:
        year = str(o.job.year or "—")
        counts = (str(o.found), str(o.mapped), str(o.review))
        table.add_row(o.job.path.name, o.job.region or "—", year, *counts, o.state)
    failed = sum(o.state.startswith("失败") for o in outcomes)
    totals = [sum(getattr(o, f) for o in outcomes) for f in ("found", "mapped", "review")]
    table.add_section()
    table.add_row("合计 total", "", "", *map(str, totals), f"{failed} 失败")
    return table
