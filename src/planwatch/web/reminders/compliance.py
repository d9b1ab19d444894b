"""The monthly compliance table: per department, values owed, on time, late and missing.

An obligation counts in the month of its due date. It is on time when a value
was first submitted on or before the due date (the submission's history holds
when), late when after, missing when none was by today and the due date has
passed, and pending while it is not yet due. The page, its Excel export and the
monthly brief read the same :func:`months`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Min
from django.utils import timezone

from planwatch.core.observations import Status
from planwatch.services import regions
from planwatch.web.accounts.roles import can_read, require
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions.models import ReportingPeriod, State, Submission
from planwatch.web.submissions.periods import Obligation, owed_in

COUNTED = (State.SUBMITTED, State.APPROVED)


@dataclass
class Row:
    """One department's (or the total's) counts in one month."""

    department: str
    owed: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """On-time values among those already due, in percent; None when none is due yet."""
        due = self.owed - self.pending
        return None if due == 0 else round(100 * self.on_time / due, 1)


@dataclass
class Month:
    month: str  # YYYY-MM of the due dates
    rows: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=lambda: Row("合计"))


def months(
    *, actor: Any, region_code: str, today: date | None = None, year: int | None = None
) -> list[Month]:
    """Every month holding a due date of the region's reporting periods (of plan ``year`` when
    given), latest first."""
    require(can_read(actor), "请先登录。")
    today = today or timezone.localdate()
    region = regions.region(region_code, actor=actor)
    owed: list[Obligation] = []
    records = ReportingPeriod.objects.filter(region=region)
    for record in records.filter(year=year) if year is not None else records:
        owed += owed_in(record, today=today)
    first = _first_submitted(region.pk)
    by_month: dict[str, dict[str, Row]] = defaultdict(dict)
    for o in owed:
        rows = by_month[o.period.due.strftime("%Y-%m")]
        row = rows.setdefault(o.department, Row(o.department))
        _count(row, o.period.due, first.get((o.indicator.pk, o.period.period)), today)
    return [_month(name, by_month[name]) for name in sorted(by_month, reverse=True)]


def month(*, actor: Any, region_code: str, month: str, today: date | None = None) -> Month | None:
    """One month's table (``YYYY-MM``), for the monthly brief; None when nothing was due then."""
    found = months(actor=actor, region_code=region_code, today=today)
    return next((m for m in found if m.month == month), None)


def sentence(found: Month) -> str:
    """The month in one sentence, as the monthly brief states it."""
    t = found.total
    text = (
        f"{found.month}应报送数据{t.owed}项,按期报送{t.on_time}项,"
        f"逾期报送{t.late}项,未报送{t.missing}项"
    )
    laggards = [r.department for r in found.rows if r.missing][:3]
    if laggards:
        text += f";未报送较多的部门:{'、'.join(laggards)}"
    return text + "。"


def _count(row: Row, due: date, submitted: datetime | None, today: date) -> None:
    row.owed += 1
    if submitted is not None:
        if timezone.localdate(submitted) <= due:
            row.on_time += 1
        else:
            row.late += 1
    elif today > due:
        row.missing += 1
    else:
        row.pending += 1


def _month(name: str, rows: dict[str, Row]) -> Month:
    ordered = sorted(rows.values(), key=lambda r: (-r.missing, -r.late, r.department))
    total = Row("合计")
    for r in ordered:
        total.owed += r.owed
        total.on_time += r.on_time
        total.late += r.late
        total.missing += r.missing
        total.pending += r.pending
    return Month(name, ordered, total)


def _first_submitted(region_id: int) -> dict[tuple[int, str], datetime]:
    """When each (indicator, period) of the region was first submitted, from the history; a
    value that reached the plan without a submission (the dataset, a batch) counts from when
    it was first recorded."""
    submitted = (
        Submission.history.filter(indicator__region_id=region_id, state__in=COUNTED)
        .values("indicator_id", "period")
        .annotate(first=Min("history_date"))
    )
    recorded = (
        ObservationRecord.history.filter(indicator__region_id=region_id, status=Status.ACTUAL)
        .values("indicator_id", "period")
        .annotate(first=Min("history_date"))
    )
    first: dict[tuple[int, str], datetime] = {}
    for r in [*recorded, *submitted]:
        key = (r["indicator_id"], r["period"])
        first[key] = min(first.get(key, r["first"]), r["first"])
    return first
