"""The pace a year still needs, and the year-end nowcast of a cumulative growth rate.

Growth rates are in percent (9.0 means 9 %). ``share`` is last year's
January–N level as a share of last year's whole year (P₀ / L₀): the weight of
the months already counted. With this year's January–N growth r, the year's
growth G and the growth m of the remaining months satisfy

    1 + G = share · (1 + r) + (1 − share) · (1 + m)

so a target g needs m = (L₀(1 + g) − P) / (L₀ − P₀) − 1 with P = P₀(1 + r).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Percentage points: the least the remaining months are assumed to stray from their
# forecast. benchmarks/nowcast.py calibrates it as the 80th percentile of how far they
# strayed in the real ordinary (not 2020-2021) series-years.
SPREAD_FLOOR = 2.0
# Weight of the recent months' growth in the rest-of-year forecast. benchmarks/nowcast.py
# measured 0.5 on real series: it did not beat carrying the year-to-date growth forward
# outside 2020-2021 (README, "In-year monitoring"), so momentum only sizes the interval.
MOMENTUM = 0.0
# Weight of last year's full-year growth in the rest-of-year forecast: the remaining
# months revert towards how the whole of last year grew. benchmarks/nowcast.py fits it
# on the real ordinary series-years (leave-one-out it beats the naive carry-forward).
REVERSION = 1.0


def rest_of_year_growth(target: float, ytd_growth: float, share: float) -> float | None:
    """Growth (%) the remaining months need so that the year grows by ``target`` %.

    ``None`` when nothing of the year remains (``share`` ≥ 1) or the share is
    not a share (negative).
    """
    if not 0 <= share < 1:
        return None
    needed = (1 + target / 100) - share * (1 + ytd_growth / 100)
    return (needed / (1 - share) - 1) * 100


def rest_of_year_growth_from_levels(
    target: float, annual_last: float, ytd_last: float, ytd_now: float
) -> float | None:
    """The same from levels: (L₀(1+g) − P) / (L₀ − P₀) − 1, in percent.

    ``None`` when last year's remaining months are zero or negative (L₀ ≤ P₀)
    or last year had no level: the remaining months have no base to grow from.
    """
    remaining_last = annual_last - ytd_last
    if annual_last <= 0 or remaining_last <= 0:
        return None
    return ((annual_last * (1 + target / 100) - ytd_now) / remaining_last - 1) * 100


def year_growth(share: float, ytd_growth: float, rest_growth: float) -> float:
    """The year's growth (%) when January–N grew ``ytd_growth`` and the rest ``rest_growth``."""
    return share * ytd_growth + (1 - share) * rest_growth


def amount_needed(annual_target: float, cumulative: float) -> float:
    """What a cumulative level target still needs (never negative: a met target needs 0)."""
    return max(0.0, annual_target - cumulative)


@dataclass(frozen=True)
class GrowthNowcast:
    """A year-end growth nowcast (%) with its interval and how it was made."""

    central: float
    low: float
    high: float
    recent: float | None  # growth of the months since the previous reading, if any
    share: float
    rest: float  # the growth forecast for the remaining months

    @property
    def half_width(self) -> float:
        return (self.high - self.low) / 2


def recent_growth(previous: tuple[float, float], latest: tuple[float, float]) -> float | None:
    """Growth (%) of the months between two year-to-date readings (share, growth).

    ``None`` when the readings cover the same share of the year.
    """
    (w0, r0), (w1, r1) = previous, latest
    if w1 <= w0:
        return None
    return (w1 * r1 - w0 * r0) / (w1 - w0)


def nowcast_growth(
    readings: Sequence[tuple[float, float]],
    *,
    last_year: float | None = None,
    momentum: float = MOMENTUM,
    reversion: float = REVERSION,
    spread_floor: float = SPREAD_FLOOR,
) -> GrowthNowcast:
    """Nowcast the year's growth from year-to-date readings (share, growth %), oldest first.

    The remaining months are forecast to grow at the year-to-date growth
    moved ``momentum`` of the way towards the growth of the months since the
    previous reading, then ``reversion`` of the way towards ``last_year``
    (last year's full-year growth, when known). The interval is
    ± (1 − share) × the gap between that forecast and the recent months
    (at least ``spread_floor`` points): the less of the year remains, and the
    steadier the months, the narrower it is.
    """
    if not readings:
        raise ValueError("a nowcast needs at least one year-to-date reading")
    share, ytd = readings[-1]
    if not 0 < share <= 1 or not math.isfinite(ytd):
        raise ValueError(f"reading ({share}, {ytd}) is not a share of the year and a growth")
    recent = recent_growth(readings[-2], readings[-1]) if len(readings) > 1 else None
    rest = ytd if recent is None else momentum * recent + (1 - momentum) * ytd
    if last_year is not None and math.isfinite(last_year):
        rest = (1 - reversion) * rest + reversion * last_year
    spread = max(spread_floor, 0.0 if recent is None else abs(recent - rest))
    central = year_growth(share, ytd, rest)
    half = (1 - share) * spread
    return GrowthNowcast(central, central - half, central + half, recent, share, rest)
