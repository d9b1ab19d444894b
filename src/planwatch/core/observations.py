"""Observations: actual or estimated values of an indicator for a period."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.errors import InvalidValue


class Status(StrEnum):
    ACTUAL = "actual"  # 实际值, from the statistics
    ESTIMATE = "estimate"  # 预计值, replaced by the actual when it arrives

    @property
    def label_zh(self) -> str:
        return "实际" if self is Status.ACTUAL else "预计"


@dataclass(frozen=True, order=True)
class Period:
    """A year, a quarter of a year or a month of a year."""

    year: int
    quarter: int | None = None
    month: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and self.month is not None:
            raise InvalidValue("a period is a year, a quarter or a month, not both")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise InvalidValue(f"quarter {self.quarter} is not 1-4")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidValue(f"month {self.month} is not 1-12")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2024``, ``2024-Q3`` or ``2024-07``."""
        try:
            if "-Q" in text.upper():
                year, quarter = text.upper().split("-Q")
                return cls(int(year), quarter=int(quarter))
            if "-" in text:
                year, month = text.split("-")
                return cls(int(year), month=int(month))
            return cls(int(text))
        except ValueError:
            raise InvalidValue(f"{text!r} is not a period (2024, 2024-Q3 or 2024-07)") from None

    @property
    def is_year(self) -> bool:
        return self.quarter is None and self.month is None

    @property
    def elapsed_share(self) -> float:
        """The share of the year that has passed at the end of this period."""
        if self.month is not None:
            return self.month / 12
        if self.quarter is not None:
            return self.quarter / 4
        return 1.0

    def __str__(self) -> str:
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)


@dataclass(frozen=True)
class Observation:
    """A value of one indicator for one period, and where it came from.

    ``source`` is a citation: ``seed:L33`` for a line of the seed report,
    ``illustrative`` where the published record is silent, or the submitting
    department. ``note`` carries the explanation a report quotes (the reason
    an indicator fell short, for instance).
    """

    indicator: str
    period: Period
    value: float
    status: Status = Status.ACTUAL
    cumulative: bool = False
    source: str = ""
    note: str = ""

    @property
    def is_illustrative(self) -> bool:
        return self.source == "illustrative"
