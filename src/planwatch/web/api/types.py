"""Input types every endpoint shares: text without NUL; ids, years, months, codes in range.

PostgreSQL cannot store a NUL character, nor a time-zone offset beyond
±15:59, and SQLite cannot hold an integer beyond 64 bits; all are refused or
normalized here as bad input (400) instead of failing in the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BeforeValidator, Field, FiniteFloat


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("text may not contain NUL characters")
    return text


def _not_bool(value: object) -> object:
    """true/false is no number (pydantic would read it as 1 or 0)."""
    if isinstance(value, bool):
        raise ValueError("a number is expected, not true or false")
    return value


def _in_utc(moment: datetime) -> datetime:
    """An aware time as UTC (any offset a client sends); a naive one as it is."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("the time is out of range in UTC") from None


Text = Annotated[str, AfterValidator(_no_nul)]
Instant = Annotated[datetime, AfterValidator(_in_utc)]
Code = Annotated[str, Field(max_length=60), AfterValidator(_no_nul)]
Id = Annotated[int, Field(ge=1, le=2**53)]
Year = Annotated[int, Field(ge=1949, le=2200, examples=[2025])]
Version = Annotated[int, Field(ge=0, le=2**53, examples=[0])]
Region = Annotated[Code, Field(examples=["fuling"])]
Number = Annotated[FiniteFloat, BeforeValidator(_not_bool)]
Reason = Annotated[str, Field(max_length=500), AfterValidator(_no_nul)]
Justification = Annotated[
    str,
    Field(max_length=500, pattern=r"\S", description="why: required, kept in the audit log"),
    AfterValidator(_no_nul),
]  # a change that always needs its reason: the schema says so, not only the service
Month = Annotated[
    str, Field(pattern=r"^(19[5-9]\d|2[01]\d\d)-(0[1-9]|1[0-2])$", examples=["2025-06"])
]
Quarter = Annotated[str, Field(pattern=r"^(19[5-9]\d|2[01]\d\d)-Q[1-4]$", examples=["2025-Q3"])]
AsOf = Annotated[
    str,
    Field(
        pattern=r"^(19[5-9]\d|2[01]\d\d)(-(0[1-9]|1[0-2])|-Q[1-4])?$",
        examples=["2025-10"],
        description="evaluate up to this month, quarter or year of the plan year; "
        "default: the latest closed reporting period, else the latest month most "
        "indicators reported, else the whole year",
    ),
]
Key = Annotated[
    str,
    Field(
        min_length=1,
        max_length=40,
        pattern=r"^[\w-][\w.-]*$",  # never . or .., which a URL path would resolve away
        description="letters, digits, _, - and . (not first)",
    ),
]


class Page(LimitOffsetPagination):
    """``limit`` (1–500, default 100) and ``offset``; answers ``{"items", "count"}``."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10**9)


RegionCode = Annotated[
    Key | None,
    Field(description="the region's code (default: the first region by code)", examples=["fuling"]),
]
