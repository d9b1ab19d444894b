"""Ranking districts on one indicator: the 晾晒 a city plan office publishes each quarter.

Districts are ranked on a value (an indicator's actual as of a period) in the
indicator's direction: the highest first when more is better, the lowest first
when less is better. Rules, the same for every surface:

- **ties** share the best rank and the next rank skips (competition ranking,
  ``1, 2, 2, 4``); values are compared at :data:`PLACES` decimal places, so two
  districts that both report 6.1 tie whatever float noise the arithmetic left;
- **missing values** (no value, or not a finite number) get no rank and are
  listed after every ranked district, in the order they were given;
- **change of rank** since the previous period is ``previous - current``:
  positive means the district moved up; ``None`` when either rank is missing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planwatch.core.as_of import AsOf, AsOfRule
from planwatch.core.indicators import Direction
from planwatch.core.observations import Period

PLACES = 6
QUARTER = 3  # months between two 晾晒


@dataclass(frozen=True)
class Ranked:
    """One district's place on one indicator."""

    key: str
    value: float | None
    rank: int | None
    previous_rank: int | None = None

    @property
    def change(self) -> int | None:
        """Places moved up since the previous period (negative: down); ``None`` if unknown."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


def ranks(values: Mapping[str, float | None], direction: Direction) -> dict[str, int | None]:
    """The competition rank of each key's value (``None`` for a missing value)."""
    known = {key: _comparable(value, direction) for key, value in values.items()}
    present = sorted(v for v in known.values() if v is not None)
    first: dict[float, int] = {}
    for place, value in enumerate(present, start=1):
        first.setdefault(value, place)
    return {key: None if v is None else first[v] for key, v in known.items()}


def ranking(
    keys: Sequence[str],
    current: Mapping[str, float | None],
    direction: Direction,
    previous: Mapping[str, float | None] | None = None,
) -> list[Ranked]:
    """``keys`` ranked on ``current`` (best first, ties in the order of ``keys``, missing last),
    each with its rank on ``previous`` when given. A key absent from a mapping is missing."""
    now = ranks({key: current.get(key) for key in keys}, direction)
    before = ranks({key: (previous or {}).get(key) for key in keys}, direction)
    rows = [Ranked(key, _value(current.get(key)), now[key], before[key]) for key in keys]
    order = {key: index for index, key in enumerate(keys)}
    return sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, order[r.key]))


def previous_period(period: Period) -> Period | None:
    """The period the 晾晒 before ``period`` ranked: a quarter earlier in the same plan year
    (``2025-09`` → ``2025-06``, ``2025-Q3`` → ``2025-Q2``), the year before for a whole year;
    ``None`` in the first quarter (the year's values start again from nothing)."""
    if period.month is not None:
        return Period(period.year, month=period.month - QUARTER) if period.month > QUARTER else None
    if period.quarter is not None:
        return Period(period.year, quarter=period.quarter - 1) if period.quarter > 1 else None
    return Period(period.year - 1)


def common_as_of(defaults: Iterable[AsOf], year: int) -> AsOf:
    """The one period a city ranks its districts as of, when none is asked for: the latest of
    the districts' own default periods (a district behind it shows 未报 — the point of a
    晾晒); the whole year only when no district has a month to go by."""
    months = [d for d in defaults if d.rule is not AsOfRule.WHOLE_YEAR and d.period.year == year]
    if not months:
        return AsOf(Period(year), AsOfRule.WHOLE_YEAR)
    return max(months, key=lambda d: d.period.elapsed_share)


def _value(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _comparable(value: float | None, direction: Direction) -> float | None:
    """The value as a sort key, smallest best; ``None`` when it cannot be ranked."""
    kept = _value(value)
    if kept is None:
        return None
    rounded = round(kept, PLACES) + 0.0  # -0.0 and 0.0 tie
    return -rounded if direction is Direction.HIGHER else rounded
