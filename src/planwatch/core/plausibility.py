"""Plausibility of an indicator value: hard bounds refuse it, soft bounds flag it.

Bounds are data, one :class:`Bounds` per indicator, with defaults by kind and
unit (:func:`default_bounds`). Hard bounds are what no value of the indicator
can be: a growth rate outside −100…+1,000 %, a share outside 0…100 %, a
negative count or level, more days than a year has, a number too large to
print. Soft bounds are what a value rarely is: a change from the previous
period beyond ``jump_factor`` times the usual period-to-period change, or a
level more than ``target_factor`` times the year's target. A soft finding
refuses the value until a remark explains it; with the remark it is stored
and shown to the reviewer as a flag.

Pure: the caller passes the indicator's earlier values and the year's target.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from planwatch.core.indicators import Indicator, Kind
from planwatch.core.observations import Period
from planwatch.core.validation import Finding, Severity

LARGEST = 1e15  # beyond this no report prints a value (a 16-digit figure of any unit)
JUMP_FACTOR = 5.0  # a change beyond 5 x the usual period-to-period change is unusual
TARGET_FACTOR = 10.0  # a level above 10 x its target is unusual
YEAR_MARGIN = 2  # a value's period lies within the plan's years, give or take two years


@dataclass(frozen=True)
class Bounds:
    """What a value of one indicator can be (hard) and usually is (soft)."""

    minimum: float | None = None
    maximum: float | None = None
    jump_factor: float | None = JUMP_FACTOR
    target_factor: float | None = TARGET_FACTOR


def default_bounds(indicator: Indicator) -> Bounds:
    """Hard bounds from the indicator's kind and unit; the default soft factors."""
    if indicator.kind is Kind.GROWTH:
        return Bounds(minimum=-100.0, maximum=1000.0)
    if indicator.kind is Kind.SHARE or indicator.unit == "%":
        return Bounds(minimum=0.0, maximum=100.0)
    if indicator.unit == "天":
        return Bounds(minimum=0.0, maximum=366.0)
    if indicator.unit == "个百分点":
        return Bounds(minimum=-100.0, maximum=100.0)
    return Bounds(minimum=0.0)


@dataclass(frozen=True)
class Earlier:
    """A value of the indicator before the one proposed."""

    period: Period
    value: float


def assess(
    value: float,
    period: Period,
    *,
    indicator: Indicator,
    bounds: Bounds,
    earlier: Sequence[Earlier] = (),
    target: float | None = None,
    remark: str = "",
) -> list[Finding]:
    """Every plausibility finding about ``value`` of ``indicator`` for ``period``.

    ``earlier`` are the indicator's current values (any periods: only those of
    ``period``'s granularity before it count); ``target`` is the year's target
    value. Hard findings are errors; soft ones are errors without ``remark``
    and warnings (flags for the reviewer) with one.
    """
    hard = _hard(value, indicator, bounds)
    if hard:
        return hard
    soft = _jump(value, period, bounds, earlier) + _above_target(value, indicator, bounds, target)
    if remark.strip():
        return [Finding(f.code, "value", f.message, Severity.WARNING) for f in soft]
    return [Finding(f.code, "note", f"{f.message},请在说明中写明原因", f.severity) for f in soft]


def previous(period: Period, earlier: Sequence[Earlier]) -> Earlier | None:
    """The latest value of ``period``'s granularity before it."""
    before = _series(period, earlier)
    return before[-1] if before else None


def usual_change(period: Period, earlier: Sequence[Earlier]) -> float | None:
    """The median absolute change between consecutive earlier values of the granularity."""
    before = _series(period, earlier)
    changes = [abs(b.value - a.value) for a, b in pairwise(before)]
    return statistics.median(changes) if changes else None


def _hard(value: float, indicator: Indicator, bounds: Bounds) -> list[Finding]:
    if not math.isfinite(value) or abs(value) > LARGEST:
        return [Finding("out_of_range", "value", f"数值过大,不可能是{indicator.name}的值")]
    unit = indicator.unit
    if bounds.minimum is not None and value < bounds.minimum:
        what = "不能为负数" if bounds.minimum == 0 else f"不能小于 {bounds.minimum:g}{unit}"
        return [Finding("below_bound", "value", f"{indicator.name}{what}")]
    if bounds.maximum is not None and value > bounds.maximum:
        return [
            Finding("above_bound", "value", f"{indicator.name}不能大于 {bounds.maximum:g}{unit}")
        ]
    return []


def _jump(
    value: float, period: Period, bounds: Bounds, earlier: Sequence[Earlier]
) -> list[Finding]:
    last, usual = previous(period, earlier), usual_change(period, earlier)
    if bounds.jump_factor is None or last is None or not usual:
        return []
    change = abs(value - last.value)
    if change <= bounds.jump_factor * usual:
        return []
    message = (
        f"较上期({last.period}: {last.value:g})变动 {change:g},"
        f"超过通常变动({usual:g})的 {bounds.jump_factor:g} 倍"
    )
    return [Finding("unusual_jump", "value", message)]


def _above_target(
    value: float, indicator: Indicator, bounds: Bounds, target: float | None
) -> list[Finding]:
    if bounds.target_factor is None or target is None or target <= 0:
        return []
    if value <= bounds.target_factor * target:
        return []
    message = f"{value:g}{indicator.unit} 超过目标 {target:g} 的 {bounds.target_factor:g} 倍"
    return [Finding("far_above_target", "value", message)]


def _series(period: Period, earlier: Sequence[Earlier]) -> list[Earlier]:
    same = [
        e
        for e in earlier
        if (e.period.quarter is None) == (period.quarter is None)
        and (e.period.month is None) == (period.month is None)
        and e.period < period
    ]
    return sorted(same, key=lambda e: e.period)


def period_within(period: Period, plan_years: Sequence[int]) -> bool:
    """Whether ``period`` lies within the plan's years, give or take :data:`YEAR_MARGIN`."""
    if not plan_years:
        return 1949 <= period.year <= 2100
    return min(plan_years) - YEAR_MARGIN <= period.year <= max(plan_years) + YEAR_MARGIN
