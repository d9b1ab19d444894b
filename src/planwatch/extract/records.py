"""The extracted statement record and its JSON Lines / CSV forms.

Field names and values follow the gold schema in ``shared/gold/README.md`` so
that extracted and hand-annotated statements compare field by field. One field
is added: ``upper``, the upper bound of a range (``5%—6%``), ``None`` otherwise.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from planwatch.core.errors import ExtractionError
from planwatch.core.numbers import Qualifier


class Measure(StrEnum):
    """What the number says about its subject."""

    GROWTH = "growth"
    LEVEL = "level"
    CHANGE = "change"
    RANK = "rank"


class Status(StrEnum):
    """Whether the number is an observed value, a 预计 estimate, or a plan target."""

    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"


@dataclass(frozen=True)
class Statement:
    """One quantitative statement of a report.

    ``line`` is 1-based; ``quote`` is an exact substring of that line holding the
    number. ``value`` is ``None`` only for qualitative targets, which carry their
    wording in ``text_target``. ``period`` is a year (``"2025"``) or
    ``"cumulative"`` for multi-year totals.
    """

    line: int
    quote: str
    subject: str
    measure: Measure
    value: float | None
    unit: str | None
    qualifier: Qualifier
    period: str
    status: Status
    cumulative: bool
    section: str
    text_target: str | None = None
    upper: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready mapping; whole numbers are written as integers."""
        data = asdict(self)
        for key in ("value", "upper"):
            number = data[key]
            if isinstance(number, float) and number.is_integer():
                data[key] = int(number)
        for key in ("measure", "qualifier", "status"):
            data[key] = str(data[key])
        return data


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Statement))


def to_jsonl(statements: list[Statement]) -> str:
    """One JSON object per line, non-ASCII kept readable, trailing newline."""
    return "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in statements)


def to_csv(statements: list[Statement]) -> str:
    """CSV with a header row in :data:`FIELD_NAMES` order; ``None`` is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\n")
    writer.writeheader()
    for statement in statements:
        writer.writerow(statement.to_dict())
    return buffer.getvalue()


def from_dict(data: dict[str, Any]) -> Statement:
    """A statement from a gold-schema mapping; other keys (``id``, ``doubt``) are ignored."""
    value = data.get("value")
    upper = data.get("upper")
    return Statement(
        line=int(data["line"]),
        quote=str(data["quote"]),
        subject=str(data["subject"]),
        measure=Measure(data["measure"]),
        value=None if value is None else float(value),
        unit=data.get("unit"),
        qualifier=Qualifier(data["qualifier"]),
        period=str(data["period"]),
        status=Status(data["status"]),
        cumulative=bool(data["cumulative"]),
        section=str(data["section"]),
        text_target=data.get("text_target"),
        upper=None if upper is None else float(upper),
    )


def read_jsonl(text: str) -> list[Statement]:
    """Statements from JSON Lines text; blank lines are skipped.

    Raises :class:`ExtractionError` naming the first row that is not a statement.
    """
    statements = []
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip():
            continue
        try:
            statements.append(from_dict(json.loads(row)))
        except (ValueError, KeyError, TypeError) as error:
            raise ExtractionError(f"row {number} is not a statement: {error!r}") from None
    return statements
