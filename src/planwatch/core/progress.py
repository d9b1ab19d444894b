"""Monthly project progress and the lag rule of the 督导通报.

A project lags at the end of a month when its completion rate (cumulative
completed investment of the year ÷ annual plan) is more than ``threshold``
points behind time progress (the share of the year elapsed), or when a
milestone planned on or before the month's last day has not been reached by
then. A project without a report for the month itself is 未报 (not
reported): it is not judged on an older month's figure, so it neither lags
nor keeps pace, and is counted apart. The comparison is exact: money is
Decimal and the rule is decided by cross-multiplication, so a project
exactly at the threshold never lags.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.core.projects import Project

DEFAULT_THRESHOLD = Decimal(10)  # points behind time progress before a project lags
EVIDENCE_TYPES = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "application/pdf": (".pdf",),
}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Evidence:
    """A file backing a progress report or a problem's rectification: a photo or a PDF."""

    filename: str
    content_type: str
    size: int

    def __post_init__(self) -> None:
        suffixes = EVIDENCE_TYPES.get(self.content_type)
        if suffixes is None:
            allowed = ", ".join(EVIDENCE_TYPES)
            raise InvalidValue(f"evidence type {self.content_type} not accepted ({allowed})")
        if not self.filename.lower().endswith(suffixes):
            raise InvalidValue(f"{self.filename} does not look like {self.content_type}")
        if not 0 < self.size <= EVIDENCE_MAX_BYTES:
            raise InvalidValue(f"{self.filename}: size {self.size} bytes is empty or above 20 MB")


@dataclass(frozen=True)
class ProgressReport:
    """A project's monthly report: cumulative completed investment of the year (万元).

    ``reached`` maps milestone names to the date each was reached; it is
    cumulative too (a later report repeats earlier milestones). ``reason`` is
    the reporter's explanation where the revision rule asks for one (a month
    reported again, a cumulative below the previous month's, more than the
    annual plan); it goes to the history, not to the stored report.
    """

    project: str
    period: Period
    completed: Decimal
    reached: dict[str, date] = field(default_factory=dict)
    narrative: str = ""
    evidence: tuple[Evidence, ...] = ()
    source: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if self.period.month is None:
            raise InvalidValue(f"a progress report is monthly, not {self.period}")
        if self.completed < 0:
            raise InvalidValue(f"completed investment cannot be negative ({self.completed})")


@dataclass(frozen=True)
class ProjectStatus:
    """Where a project stands at the end of a month, and why it lags if it does.

    ``completion`` and ``time_progress`` are percents; ``completion`` is
    ``None`` for a project without an annual plan (only milestones judge it).
    ``completed`` is the latest reported figure of the year; when it is not
    the month's own (``reported`` false) the project is 未报 and not judged.
    """

    project: Project
    period: Period
    completed: Decimal
    completion: Decimal | None
    time_progress: Decimal
    behind_by_rate: bool
    overdue: tuple[str, ...]
    reported: bool

    @property
    def lagging(self) -> bool:
        return self.behind_by_rate or bool(self.overdue)

    @property
    def not_reported(self) -> bool:
        """未报: no report for the month judged, so nothing is judged."""
        return not self.reported

    @property
    def gap(self) -> Decimal | None:
        """Points behind time progress (positive = behind); ``None`` without a plan."""
        return None if self.completion is None else self.time_progress - self.completion


def month_end(period: Period) -> date:
    if period.month is None:
        raise InvalidValue(f"{period} is not a month")
    return date(period.year, period.month, calendar.monthrange(period.year, period.month)[1])


def assess(
    project: Project,
    reports: Iterable[ProgressReport],
    period: Period,
    *,
    threshold: Decimal = DEFAULT_THRESHOLD,
) -> ProjectStatus:
    """Judge ``project`` at the end of the month ``period`` from its ``reports``.

    Only the report of ``period`` itself judges the project; without it the
    project is 未报 (``reported`` false, neither behind nor overdue) and
    ``completed`` shows its latest earlier figure of the year (0 without
    any). Reports of other projects are ignored.
    """
    if period.month is None:
        raise InvalidValue(f"projects are assessed by month, not {period}")
    own = [
        r
        for r in reports
        if r.project == project.code and r.period.year == period.year and r.period <= period
    ]
    latest = max(own, key=lambda r: r.period, default=None)
    completed = Decimal(0) if latest is None else latest.completed
    reached = {} if latest is None else latest.reached
    end = month_end(period)
    months, plan = Decimal(period.month), project.annual_plan
    time_progress = months * 100 / 12
    completion = None if plan == 0 else completed * 100 / plan
    reported = latest is not None and latest.period == period
    # time - completion > threshold, multiplied by 12 * plan to stay exact
    behind = plan > 0 and months * 100 * plan - completed * 1200 > threshold * 12 * plan
    overdue = tuple(
        m.name
        for m in project.milestones
        if m.planned <= end and not (m.name in reached and reached[m.name] <= end)
    )
    return ProjectStatus(
        project=project,
        period=period,
        completed=completed,
        completion=completion,
        time_progress=time_progress,
        behind_by_rate=behind and reported,
        overdue=overdue if reported else (),
        reported=reported,
    )


def assess_all(
    projects: Iterable[Project],
    reports: Iterable[ProgressReport],
    period: Period,
    *,
    threshold: Decimal = DEFAULT_THRESHOLD,
) -> list[ProjectStatus]:
    """:func:`assess` every project, reading ``reports`` once (grouped by project)."""
    by_project: dict[str, list[ProgressReport]] = {}
    for r in reports:
        by_project.setdefault(r.project, []).append(r)
    return [assess(p, by_project.get(p.code, []), period, threshold=threshold) for p in projects]
