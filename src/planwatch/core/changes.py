"""What changed since the previous period: 环比 and the values new since a moment.

环比 compares an indicator's latest in-year value with its value of the period
just before, of the same kind: a month with the month before, a quarter with
the quarter before, a year with the year before. January has no month before
it in its year: a year-to-date figure starts again, so it is not compared. The
change is in the indicator's unit; for a rate (%) it is in percentage points.
Whether a rise is good depends on the indicator's direction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from planwatch.core.indicators import Direction
from planwatch.core.observations import Period
from planwatch.core.wording import number

K = TypeVar("K")


class Way(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass(frozen=True)
class Point:
    period: Period
    value: float


@dataclass(frozen=True)
class Change:
    """The latest value of a year up to a period, and the one of the period before it."""

    period: Period
    value: float
    previous_period: Period | None
    previous: float | None  # None: nothing of the period before

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.value - self.previous

    @property
    def way(self) -> Way | None:
        delta = self.delta
        if delta is None:
            return None
        rounded = float(number(delta))  # a change too small to print is no change
        return Way.UP if rounded > 0 else Way.DOWN if rounded < 0 else Way.SAME

    def better(self, direction: Direction) -> bool | None:
        """Whether the change helps an indicator of ``direction``; None if unchanged or unknown."""
        if self.way in (None, Way.SAME):
            return None
        return (self.way is Way.UP) == (direction is Direction.HIGHER)


def period_before(period: Period) -> Period | None:
    """The period of the same kind just before ``period`` in its year (a year: the year before);
    None for January and the first quarter."""
    if period.month is not None:
        return None if period.month == 1 else Period(period.year, month=period.month - 1)
    if period.quarter is not None:
        return None if period.quarter == 1 else Period(period.year, quarter=period.quarter - 1)
    return Period(period.year - 1)


def _order(period: Period) -> tuple[int, float]:
    return period.year, period.elapsed_share if not period.is_year else 1.0


def month_on_month(points: Sequence[Point], year: int, as_of: Period | None) -> Change | None:
    """The change of the latest in-year value of ``year`` up to ``as_of`` (any when None).

    ``points`` hold one value per period (the caller picks actual over estimate).
    Months come before quarters of the same share of the year. None when the
    year holds no in-year value up to ``as_of``.
    """
    limit = None if as_of is None else _order(as_of)
    within = [
        p
        for p in points
        if p.period.year == year
        and not p.period.is_year
        and (limit is None or _order(p.period) <= limit)
    ]
    if not within:
        return None
    latest = max(within, key=lambda p: (_order(p.period), p.period.month is not None))
    before = period_before(latest.period)
    found = {p.period: p.value for p in points}
    previous = None if before is None else found.get(before)
    return Change(latest.period, latest.value, before, previous)


def change_words(change: Change, unit: str, *, english: bool = False) -> str:
    """ "比上月提高0.3个百分点" / "up 0.3 percentage points on the month before"."""
    if change.previous_period is None:
        return "年内首期,无环比" if not english else "first period of the year: no comparison"
    if change.previous is None or change.delta is None:
        zh, en = "上期无数据", "no value for the period before"
        return en if english else zh
    span_zh = "上月" if change.period.month else "上季度" if change.period.quarter else "上年"
    span_en = (
        "the month before"
        if change.period.month
        else "the quarter before"
        if change.period.quarter
        else "the year before"
    )
    if change.way is Way.SAME:
        return f"与{span_zh}持平" if not english else f"unchanged on {span_en}"
    amount = number(abs(change.delta))
    rate = unit.strip() == "%"
    unit_zh = "个百分点" if rate else unit
    unit_en = " percentage points" if rate else f" {unit}" if unit else ""
    if english:
        return f"{change.way} {amount}{unit_en} on {span_en}"
    verbs = ("提高", "下降") if rate else ("增加", "减少")
    verb = verbs[0] if change.way is Way.UP else verbs[1]
    return f"比{span_zh}{verb}{amount}{unit_zh}"


def new_since(stamped: Iterable[tuple[K, datetime]], since: datetime | None) -> list[K]:
    """The keys stamped after ``since``, in their order; every key when ``since`` is None."""
    return [key for key, at in stamped if since is None or at > since]
