"""A department's monthly progress report of one project, entered on a page.

The page sends what one row of the clerks' workbook holds, and the row is
checked by the workbook's own reader (:func:`planwatch.core.project_rows.read_progress`),
so the page and an import refuse the same values for the same reasons. A
report replaces that month's earlier report of the project, keeping its
evidence files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from django.db import transaction
from django.db.models import F, Max, Q

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.project_rows import read_progress
from planwatch.core.projects import Project
from planwatch.web.accounts.roles import Role, can_write_for, department_of, require, role_of
from planwatch.web.editing.history import InvalidField
from planwatch.web.projects import evidence as evidence_files
from planwatch.web.projects import services
from planwatch.web.projects.models import ProgressRecord, ProjectRecord


@dataclass(frozen=True)
class Upload:
    """An evidence file as the browser sent it: its name and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ProgressEntry:
    """What the page sends: the month (``2025-10``), cumulative completed investment of the
    year in 万元, the date each milestone was reached (by milestone name), a narrative
    and an optional evidence file."""

    month: str
    completed: Decimal
    reached: Mapping[str, date | None] = field(default_factory=dict)
    narrative: str = ""
    evidence: Upload | None = None


def writable_projects(*, actor: Any) -> list[ProjectRecord]:
    """The projects of the latest year that ``actor`` may report on, in code order.

    A clerk's department's, every one for the plan office, none for leaders and
    the public; each with ``last_month``, the latest month reported (or ``None``).
    One query; milestones are not read.
    """
    role = role_of(actor)
    if role not in (Role.PLAN_OFFICE, Role.CLERK):
        return []
    latest = ProjectRecord.objects.order_by("-year").values("year")[:1]
    records = (
        ProjectRecord.objects.filter(year=latest)
        .select_related("department")
        .annotate(last_month=Max("progress__month", filter=Q(progress__year=F("year"))))
    )
    if role is Role.CLERK:
        records = records.filter(department__name=department_of(actor))
    return list(records.order_by("code"))


def may_report(actor: Any, department: str) -> bool:
    """Whether to offer ``actor`` the progress form of ``department``'s projects."""
    return can_write_for(actor, department)


def project_for_entry(*, actor: Any, code: str) -> Project:
    """The project ``code`` if ``actor`` may report on it: ``NotFound`` or ``Forbidden`` else."""
    project = _project(code)
    require(
        can_write_for(actor, project.department),
        f"只有{project.department}可以报送 {code} 的进度。",
    )
    return project


def progress_problems(project: Project, entry: ProgressEntry) -> dict[str, str]:
    """Every reason ``entry`` cannot be stored for ``project``, by workbook field name
    (``month``, ``completed``, a milestone name, ``evidence``); empty when it can."""
    return _read(project, entry, existing=[], source="")[1]


def record_progress(
    *, actor: Any, code: str, entry: ProgressEntry, via: str = "web"
) -> ProgressReport:
    """Store ``entry`` as project ``code``'s report of its month, in one transaction.

    ``via`` names the channel in the report's source (``web:<user>``, ``api:<user>``).
    Only the project's department (or the plan office) may; raises
    ``Forbidden``, ``NotFound`` for an unknown project, or :class:`InvalidField`
    naming the first bad field. Nothing is written then.
    """
    project = project_for_entry(actor=actor, code=code)
    with transaction.atomic():
        existing = _existing_evidence(code, entry.month)
        source = f"{via}:{actor.get_username()}"
        report, problems = _read(project, entry, existing, source=source)
        if report is None:
            name, reason = next(iter(problems.items()))
            raise InvalidField(name, " ".join(problems.values()) or reason)
        services._store_progress([report], submitted_by=actor.get_username())
        if entry.evidence is not None:
            listed = report.evidence[-1].filename
            stored = evidence_files.save(code, report.period, listed, entry.evidence.data)
            if stored != listed:  # the month already had a file of that name
                _rename_last_evidence(code, report.period, stored)
    return report


def _rename_last_evidence(code: str, period: Period, name: str) -> None:
    record = ProgressRecord.objects.get(project__code=code, year=period.year, month=period.month)
    *earlier, (_, kind, size) = record.evidence
    record.evidence = [*earlier, [name, kind, size]]
    record.save(update_fields=["evidence"])


def _project(code: str) -> Project:
    record = ProjectRecord.objects.select_related("department").filter(code=code).first()
    if record is None:
        raise NotFound(f"项目 {code} 不存在")
    return record.to_domain()


def _existing_evidence(code: str, month: str) -> list[list[Any]]:
    try:
        period = Period.parse(month)
    except InvalidValue:
        return []
    rows = ProgressRecord.objects.filter(project__code=code, year=period.year, month=period.month)
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
        "source": source,
    }
    reports, bad = read_progress([(1, row)], projects=[project])
    for p in bad:
        problems.setdefault(p.field, p.reason)
    return (reports[0] if reports and not problems else None), problems


def _evidence_item(upload: Upload) -> tuple[str, str]:
    """The workbook's ``name|type|bytes`` for an upload, or why the file is refused.

    The type follows the extension, and the content must start as that type's
    files do (a renamed file is refused); size and type limits are the core's.
    """
    name = "".join(c for c in PurePosixPath(upload.name.replace("\\", "/")).name if c not in ";|")
    known = evidence_files.SIGNATURES.get(PurePosixPath(name).suffix.lower())
    if known is None or not name:
        return "", f"{name or '文件'}: 只接受 PDF、JPG、PNG"
    kind, magic = known
    if not upload.data.startswith(magic):
        return "", f"{name} 的内容不是它的扩展名所说的类型"
    return f"{name}|{kind}|{len(upload.data)}", ""
