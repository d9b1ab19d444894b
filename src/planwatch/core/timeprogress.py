"""序时进度: cumulative work judged against the share of the year elapsed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from planwatch.core.errors import InvalidValue

AMBER_BAND = 10.0  # points below time progress that are still amber, not red


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def label_zh(self) -> str:
        return {Light.GREEN: "快于序时", Light.AMBER: "略慢于序时", Light.RED: "滞后"}[self]


@dataclass(frozen=True)
class TimeProgress:
    """Progress (cumulative ÷ annual target) against expected progress, both in percent."""

    progress: float
    expected: float
    light: Light

    @property
    def gap(self) -> float:
        """Points ahead (positive) or behind (negative) time progress."""
        return self.progress - self.expected


def expected_share(month: int, profile: Sequence[float] | None = None) -> float:
    """Share of the year's work expected done by the end of ``month`` (0–1).

    Without a profile the year is linear (June = 0.5). A seasonal profile gives
    the cumulative expected share at the end of each of the 12 months.
    """
    if not 1 <= month <= 12:
        raise InvalidValue(f"month {month} is not 1-12")
    if profile is None:
        return month / 12
    if len(profile) != 12 or any(b < a for a, b in pairwise(profile)):
        raise InvalidValue("a seasonal profile has 12 non-decreasing cumulative shares")
    return float(profile[month - 1])


def time_progress(
    cumulative: float,
    annual_target: float,
    elapsed: float,
    *,
    amber_band: float = AMBER_BAND,
) -> TimeProgress:
    """Judge ``cumulative`` against ``annual_target`` when ``elapsed`` (0–1) of the year is gone.

    Green when progress is at or ahead of time progress, amber when within
    ``amber_band`` points behind, red beyond.
    """
    if annual_target <= 0:
        raise InvalidValue("time progress needs a positive annual target")
    if not 0 <= elapsed <= 1:
        raise InvalidValue(f"elapsed share {elapsed} is not between 0 and 1")
    progress = cumulative / annual_target * 100
    expected = elapsed * 100
    if progress >= expected:
        light = Light.GREEN
    elif progress >= expected - amber_band:
        light = Light.AMBER
    else:
        light = Light.RED
    return TimeProgress(progress=progress, expected=expected, light=light)
