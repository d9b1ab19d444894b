"""What changed since last month, for the dashboard, the indicator page and the API.

The 环比 of each indicator with in-year values (:func:`planwatch.core.changes.month_on_month`)
and the values new since a moment: the reader's previous visit when the
surface knows it, else the closing of the region's last closed reporting
period. Read-only; one query per table whatever the number of indicators.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from planwatch.core.changes import Change, Point, month_on_month, new_since
from planwatch.core.indicators import Direction
from planwatch.core.observations import Period, Status
from planwatch.services import regions
from planwatch.web.accounts.roles import can_read, require
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord
from planwatch.web.submissions.models import ReportingPeriod


@dataclass(frozen=True)
class Named:
    code: str
    name: str
    name_en: str
    unit: str
    direction: Direction


@dataclass(frozen=True)
class IndicatorChange:
    indicator: Named
    change: Change

    @property
    def better(self) -> bool | None:
        return self.change.better(self.indicator.direction)


@dataclass(frozen=True)
class NewValue:
    indicator: Named
    period: str
    value: float
    status: str
    updated_at: datetime


@dataclass(frozen=True)
class Changes:
    year: int
    as_of: Period | None
    since: datetime | None  # None: nothing to compare with, no value is marked new
    since_visit: bool  # the reader's previous visit; else the last closed period's closing
    since_period: str  # the last closed period, when ``since`` is its closing
    changes: list[IndicatorChange]  # indicators with an in-year value, in the plan's order
    new: list[NewValue]  # the latest first

    def of(self, code: str) -> IndicatorChange | None:
        return next((c for c in self.changes if c.indicator.code == code), None)

    def is_new(self, code: str) -> bool:
        return any(v.indicator.code == code for v in self.new)


def changes(
    *,
    actor: Any,
    region_code: str | None,
    year: int,
    as_of: Period | None = None,
    last_visit: datetime | None = None,
    code: str | None = None,
) -> Changes:
    """The 环比 of ``year``'s indicators (``code`` alone when given) up to ``as_of``, and the
    values stored since ``last_visit`` (else since the last reporting period closed)."""
    require(can_read(actor), "请先登录。")
    region = regions.region(region_code, actor=actor)
    records = IndicatorRecord.objects.filter(region=region).order_by("position")
    if code is not None:
        records = records.filter(code=code)
    named = {r.pk: _named(r) for r in records}
    values = ObservationRecord.objects.filter(indicator_id__in=named, year=year).order_by(
        "period", "status"
    )
    points: dict[int, dict[str, Point]] = defaultdict(dict)
    stamped: list[tuple[NewValue, datetime]] = []
    for row in values.only("indicator_id", "period", "value", "status", "updated_at"):
        kept = points[row.indicator_id]
        if row.period not in kept or row.status == Status.ACTUAL.value:
            kept[row.period] = Point(Period.parse(row.period), row.value)
        new = NewValue(named[row.indicator_id], row.period, row.value, row.status, row.updated_at)
        stamped.append((new, row.updated_at))
    since, since_period = _since(region.pk, last_visit)
    found = [
        IndicatorChange(named[pk], change)
        for pk in named
        if (change := month_on_month(list(points[pk].values()), year, as_of)) is not None
    ]
    fresh = new_since(stamped, since) if since is not None else []
    fresh.sort(key=lambda v: v.updated_at, reverse=True)
    return Changes(year, as_of, since, last_visit is not None, since_period, found, fresh)


def _named(record: IndicatorRecord) -> Named:
    return Named(record.code, record.name, record.name_en, record.unit, Direction(record.direction))


def _since(region_id: int, last_visit: datetime | None) -> tuple[datetime | None, str]:
    if last_visit is not None:
        return last_visit, ""
    closed = (
        ReportingPeriod.objects.filter(region_id=region_id, closed_at__isnull=False)
        .order_by("-closed_at")
        .values_list("closed_at", "period")
        .first()
    )
    return (None, "") if closed is None else closed
