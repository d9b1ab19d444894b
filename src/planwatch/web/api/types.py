"""Input types every endpoint shares: text without NUL; ids, years, months, codes in range.

PostgreSQL cannot store a NUL character, nor a time-zone offset beyond
±15:59, and SQLite cannot hold an integer beyond 64 bits; all are refused or
normalized here as bad input (400) instead of failing in the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated

from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BeforeValidator, Field

NO_NUL = r"^[^\x00]*$"  # in the schema, so a client learns it there: PostgreSQL cannot store NUL


def _not_bool(value: object) -> object:
    """true/false is no number (pydantic alone would read it as 1 or 0)."""
    if isinstance(value, bool):
        raise ValueError("a number is expected, not true or false")
    return value


def _written(pattern: re.Pattern[str], what: str) -> Callable[[object], object]:
    """Accept a date or time only as text written as the schema says (pydantic alone would
    also read 0 or 0.5 as seconds since 1970)."""

    def check(value: object) -> object:
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"{what} is expected, e.g. 2025-10-15")
        if not isinstance(value, (str, date)):
            raise ValueError(f"{what} is expected as text, e.g. 2025-10-15")
        return value

    return check


def _in_utc(moment: datetime) -> datetime:
    """An aware time as UTC (any offset a client sends); a naive one as it is."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("the time is out of range in UTC") from None


Text = Annotated[str, Field(pattern=NO_NUL)]
Day = Annotated[date, BeforeValidator(_written(re.compile(r"\d{4}-\d{2}-\d{2}$"), "a date"))]
Instant = Annotated[
    datetime,
    BeforeValidator(_written(re.compile(r"\d{4}-\d{2}-\d{2}([T ]|$)"), "a date or time")),
    AfterValidator(_in_utc),
]
Code = Annotated[str, Field(max_length=60, pattern=NO_NUL)]
Id = Annotated[int, Field(ge=1, le=2**53)]
Year = Annotated[int, Field(ge=1949, le=2200, examples=[2025])]
# the bounds come before the check so that the schema keeps them
Version = Annotated[int, Field(ge=0, le=2**53, examples=[0]), BeforeValidator(_not_bool)]
Region = Annotated[Code, Field(examples=["fuling"])]
# strict: true/false and "1" are no numbers; bounds added to it stay in the schema
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Flag = Annotated[bool, Field(strict=True)]  # in a body: 0 and "yes" are no booleans
Reason = Annotated[str, Field(max_length=500, pattern=NO_NUL)]
Justification = Annotated[
    str,
    Field(
        max_length=500,
        pattern=r"^[^\x00]*\S[^\x00]*$",
        description="why: required, kept in the audit log",
    ),
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
