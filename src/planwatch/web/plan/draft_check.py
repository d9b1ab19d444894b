"""Check a report draft against the database before it is published.

Every statement of the draft is compared with what the region's database
holds for it: the statements of documents ingested earlier (same subject,
measure, unit, period and status), and the values and targets of the
indicator it maps to with confidence (the values departments submitted or a
dataset loaded). A figure the database knows nothing of is not a mismatch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planwatch.core.mapping import MappedTarget, MappedValue, Unmapped, map_statement
from planwatch.core.targets import TargetForm
from planwatch.web.plan.ingest import ExtractedStatement
from planwatch.web.plan.models import (
    DocumentStatement,
    IndicatorRecord,
    ObservationRecord,
    TargetRecord,
)

# Target forms a draft states with a number and a qualifier word.
_WORDED_FORMS = {TargetForm.AT_LEAST, TargetForm.AT_MOST, TargetForm.APPROX, TargetForm.POINT}


@dataclass(frozen=True)
class Mismatch:
    line: int
    quote: str
    problem: str  # wrong_figure | wrong_qualifier | stale_estimate
    found: str
    expected: str


@dataclass(frozen=True)
class _Held:
    """One figure the database holds: its value, as a reader cites it."""

    value: float
    cited: str


class _Database:
    """What a region's database says, read once for a whole draft."""

    def __init__(self, region_code: str) -> None:
        self.documents: dict[tuple[str, ...], list[DocumentStatement]] = {}
        for row in DocumentStatement.objects.filter(document__region__code=region_code):
            self.documents.setdefault(_key(row), []).append(row)
        self.values: dict[tuple[str, str, str], list[_Held]] = {}
        observations = ObservationRecord.objects.filter(indicator__region__code=region_code)
        for code, period, status, value, source in observations.values_list(
            "indicator__code", "period", "status", "value", "source"
        ):
            self.values.setdefault((code, period, status), []).append(_Held(value, source))
        targets = TargetRecord.objects.filter(indicator__region__code=region_code)
        self.targets = {(t.indicator.code, t.year): t for t in targets.select_related("indicator")}
        self.catalog = [
            r.to_domain() for r in IndicatorRecord.objects.filter(region__code=region_code)
        ]


def check_statements(region_code: str, statements: Iterable[ExtractedStatement]) -> list[Mismatch]:
    """The mismatches of a draft's statements with the database, at most one per statement.

    Against ingested documents a statement passes when any stored statement
    has its value, then its qualifier. Against the indicator it maps to, a
    value passes when the stored value rounds to it (6.52 is written 6.5)
    and a target when its number is the plan's and its form or wording is. An estimate is
    stale when the database already holds an actual for its indicator and period.
    """
    database = _Database(region_code)
    mismatches = []
    for statement in statements:
        mismatch = _against_documents(statement, database)
        if mismatch is None:
            mismatch = _against_indicators(statement, database)
        if mismatch is not None:
            mismatches.append(mismatch)
    return mismatches


def _against_documents(statement: ExtractedStatement, database: _Database) -> Mismatch | None:
    same = database.documents.get(_key(statement), [])
    if not same:
        return None
    if all(row.value != statement.value for row in same):
        expected = "、".join(sorted({f"{_fmt(r.value)}{r.unit} (L{r.line})" for r in same}))
        return _mismatch(statement, "wrong_figure", expected)
    qualifiers = {r.qualifier for r in same if r.value == statement.value}
    if statement.qualifier not in qualifiers:
        expected = "、".join(sorted({r.qualifier for r in same}))
        return Mismatch(
            statement.line, statement.quote, "wrong_qualifier", statement.qualifier, expected
        )
    return None


def _against_indicators(statement: ExtractedStatement, database: _Database) -> Mismatch | None:
    mapped = map_statement(statement, database.catalog)
    if isinstance(mapped, Unmapped):
        return None
    unit = statement.unit or ""
    for item in mapped:
        if isinstance(item, MappedValue):
            held = database.values.get((item.indicator, statement.period, item.status.value), [])
            if held and not any(_rounds_to(h.value, item.value) for h in held):
                expected = "、".join(sorted({f"{_fmt(h.value)}{unit} ({h.cited})" for h in held}))
                return _mismatch(statement, "wrong_figure", expected)
            actuals = database.values.get((item.indicator, statement.period, "actual"), [])
            if item.status.value == "estimate" and actuals:
                return _mismatch(statement, "stale_estimate", f"{_fmt(actuals[0].value)} (actual)")
        elif isinstance(item, MappedTarget) and statement.period.isdigit():
            mismatch = _against_target(statement, item, database)
            if mismatch is not None:
                return mismatch
    return None


def _against_target(
    statement: ExtractedStatement, item: MappedTarget, database: _Database
) -> Mismatch | None:
    planned = database.targets.get((item.indicator, int(statement.period)))
    if planned is None or planned.value is None or item.value is None:
        return None
    if not _rounds_to(planned.value, item.value):
        return _mismatch(statement, "wrong_figure", f"{planned.text} ({planned.source})")
    form = TargetForm(planned.form)
    worded = form in _WORDED_FORMS and item.form in _WORDED_FORMS
    if worded and item.form is not form and item.text != planned.text:
        return Mismatch(statement.line, statement.quote, "wrong_qualifier", item.text, planned.text)
    return None


def _mismatch(statement: ExtractedStatement, problem: str, expected: str) -> Mismatch:
    found = f"{_fmt(statement.value)}{statement.unit or ''}"
    return Mismatch(statement.line, statement.quote, problem, found, expected)


def _rounds_to(held: float, stated: float) -> bool:
    """Whether a stored ``held`` value is written ``stated`` (to ``stated``'s decimals)."""
    text = f"{stated:g}"
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return abs(round(held, decimals) - stated) < 1e-9


def _key(row: ExtractedStatement | DocumentStatement) -> tuple[str, ...]:
    return (row.subject, row.measure, row.unit or "", str(row.period), row.status)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"
