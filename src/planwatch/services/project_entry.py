"""A monthly report as the page or the API sends it, read as one row of the clerks' workbook.

The row is checked by the workbook's own reader
(:func:`planwatch.core.project_rows.read_progress`), so a page, the API and an
import refuse the same values for the same reasons. A report sent again for a
month keeps that month's evidence files and adds the new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.project_rows import read_progress
from planwatch.core.projects import Project
from planwatch.web.projects import evidence as evidence_files
from planwatch.web.projects.models import ProgressRecord, ProjectRecord


@dataclass(frozen=True)
class Upload:
    """An evidence file as the browser sent it: its name and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ProgressEntry:
    """What the page or the API sends: the month (``2025-10``), cumulative completed
    investment of the year in 万元, the date each milestone was reached (by milestone
    name), a narrative, an optional evidence file, and the reason where the revision
    rule asks for one (a month reported again, a cumulative lower than last month's,
    more than the annual plan)."""

    month: str
    completed: Decimal
    reached: Mapping[str, date | None] = field(default_factory=dict)
    narrative: str = ""
    evidence: Upload | None = None
    reason: str = ""


def progress_problems(project: Project, entry: ProgressEntry) -> dict[str, str]:
    """Every reason the row reader refuses ``entry`` for ``project``, by workbook field name
    (``month``, ``completed``, a milestone name, ``evidence``); empty when it reads."""
    return _read(project, entry, existing=[], source="")[1]


def read_entry(
    project: Project, entry: ProgressEntry, *, project_id: int, source: str
) -> tuple[ProgressReport | None, dict[str, str]]:
    """The report ``entry`` makes for ``project`` (stored as ``project_id``, with the month's
    earlier evidence), or why it cannot."""
    return _read(project, entry, _existing_evidence(project_id, entry.month), source=source)


def save_evidence(project: ProjectRecord, report: ProgressReport, upload: Upload) -> None:
    """Store the upload listed last on ``report`` of ``project``, renaming it if the month has
    that name."""
    listed = report.evidence[-1].filename
    region = project.region.code
    stored = evidence_files.save(region, report.project, report.period, listed, upload.data)
    if stored != listed:
        period = report.period
        record = ProgressRecord.objects.get(
            project_id=project.pk, year=period.year, month=period.month
        )
        *earlier, (_, kind, size) = record.evidence
        record.evidence = [*earlier, [stored, kind, size]]
        ProgressRecord.objects.filter(pk=record.pk).update(evidence=record.evidence)


def _existing_evidence(project_id: int, month: str) -> list[list[Any]]:
    try:
        period = Period.parse(month)
    except InvalidValue:
        return []
    rows = ProgressRecord.objects.filter(
        project_id=project_id, year=period.year, month=period.month
    )
    return [item for record in rows for item in record.evidence]


def _read(
    project: Project, entry: ProgressEntry, existing: list[list[Any]], *, source: str
) -> tuple[ProgressReport | None, dict[str, str]]:
    problems: dict[str, str] = {}
    evidence = [f"{name}|{kind}|{size}" for name, kind, size in existing]
    if entry.evidence is not None:
        item, problem = _evidence_item(entry.evidence)
        if problem:
            problems["evidence"] = problem
        else:
            evidence.append(item)
    row = {
        "project": project.code,
        "month": entry.month,
        "completed": entry.completed,
        **dict(entry.reached),
        "narrative": entry.narrative,
        "evidence": ";".join(evidence),
        "reason": entry.reason,
        "source": source,
    }
    reports, bad = read_progress([(1, row)], projects=[project])
    for p in bad:
        problems.setdefault(p.field, p.reason)
    return (reports[0] if reports and not problems else None), problems


def _evidence_item(upload: Upload) -> tuple[str, str]:
    """The workbook's ``name|type|bytes`` for an upload, or why the file is refused."""
    try:
        name, kind = evidence_files.checked(upload.name, upload.data)
    except InvalidValue as refused:
        return "", refused.message
    return f"{name}|{kind}|{len(upload.data)}", ""
