"""Map extracted statements to catalog indicators, or say why they cannot be.

A statement maps only when exactly one indicator fits by name or alias AND by
measure and unit; anything else goes to a person's review list with the
reason. Guessing would put a wrong number under an indicator's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from planwatch.core.indicators import Indicator, Kind
from planwatch.core.observations import Status
from planwatch.core.targets import TargetForm

_IN_STEP = re.compile(r"与(经济|地区生产总值)增长(保持)?同步")
_ASSIGNED = "以市上下达为准"
_POSITIVE = "正增长"
_REDUCTION = re.compile(r"(降低|下降)率$")
_QUALIFIER_FORMS = {
    "at_least": TargetForm.AT_LEAST,
    "at_most": TargetForm.AT_MOST,
    "approx": TargetForm.APPROX,
    "exact": TargetForm.POINT,
}
_QUALIFIER_WORDS = {"at_least": "{}以上", "at_most": "{}以内", "approx": "{}左右", "exact": "{}"}


class StatementLike(Protocol):
    """What mapping reads of a statement (the extractor's records and the gold share it)."""

    @property
    def subject(self) -> str: ...
    @property
    def measure(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def text_target(self) -> str | None: ...


@dataclass(frozen=True)
class MappedValue:
    """An observation a statement gives for ``indicator``."""

    indicator: str
    value: float
    status: Status


@dataclass(frozen=True)
class MappedTarget:
    """A target a statement sets for ``indicator``."""

    indicator: str
    form: TargetForm
    value: float | None
    text: str
    reference: str | None = None


@dataclass(frozen=True)
class Unmapped:
    reason: str


Mapped = MappedValue | MappedTarget


def map_statement(
    statement: StatementLike, catalog: Sequence[Indicator]
) -> list[Mapped] | Unmapped:
    """The indicator values or targets ``statement`` states, or why it maps to none.

    A group target ("节能减排和环境保护指标以市上下达为准") maps to every
    indicator of the group.
    """
    if statement.measure == "rank":
        return Unmapped("a rank is not an indicator value")
    group = [i for i in catalog if i.group and _key(statement.subject) == _key(i.group + "指标")]
    if group and statement.status == "target":
        return [t for i in group if isinstance(t := _target(statement, i, catalog), MappedTarget)]
    named = [i for i in catalog if _key(statement.subject) in {_key(n) for n in _names(i)}]
    if not named:
        return Unmapped(f"no indicator is called {statement.subject!r}")
    fitting = [i for i in named if _fits(statement, i)]
    if not fitting:
        how = f"{statement.measure} in {statement.unit}"
        return Unmapped(f"{statement.subject!r} is an indicator, but not as {how}")
    if len(fitting) > 1:
        codes = ", ".join(i.code for i in fitting)
        return Unmapped(f"{statement.subject!r} fits several indicators ({codes})")
    indicator = fitting[0]
    if statement.status == "target":
        result = _target(statement, indicator, catalog)
        return result if isinstance(result, Unmapped) else [result]
    if statement.value is None:
        return Unmapped("an observation needs a number")
    value = -statement.value if _is_reduction(indicator, statement) else statement.value
    return [MappedValue(indicator.code, value, Status(statement.status))]


def _names(indicator: Indicator) -> tuple[str, ...]:
    return (
        *indicator.names,
        indicator.name.removesuffix("增速"),
        indicator.name.removesuffix("率"),
    )


def _key(name: str) -> str:
    return re.sub(r"[\s()()]", "", name)


def _fits(statement: StatementLike, indicator: Indicator) -> bool:
    text_only = statement.value is None and statement.text_target is not None
    if indicator.kind is Kind.GROWTH:
        return statement.measure == "growth" and (statement.unit == "%" or text_only)
    if indicator.kind is Kind.SHARE:
        return statement.measure == "level" and statement.unit == "%"
    # A change ("较上年增加16天") is not the level; only a flow named by 新增 is a change.
    is_flow = statement.measure == "change" and "新增" in statement.subject
    return (statement.measure == "level" or is_flow) and statement.unit == indicator.unit


def _is_reduction(indicator: Indicator, statement: StatementLike) -> bool:
    """A 下降率 indicator holds a decline as a positive number; the text says growth −18.8%."""
    return bool(_REDUCTION.search(indicator.name)) and statement.measure == "growth"


def _target(
    statement: StatementLike, indicator: Indicator, catalog: Sequence[Indicator]
) -> Mapped | Unmapped:
    text = statement.text_target or ""
    if _ASSIGNED in text:
        return MappedTarget(indicator.code, TargetForm.ASSIGNED, None, _ASSIGNED)
    if _POSITIVE in text:
        return MappedTarget(indicator.code, TargetForm.POSITIVE, None, "实现正增长")
    if _IN_STEP.search(text):
        gdp = next((i for i in catalog if "地区生产总值" in _names(i)), None)
        if gdp is None:
            return Unmapped("an in-step target needs a GDP indicator in the catalog")
        return MappedTarget(indicator.code, TargetForm.IN_STEP_WITH, None, text, reference=gdp.code)
    if statement.value is None:
        return Unmapped(f"a target without a number or a known wording: {text!r}")
    written = _QUALIFIER_WORDS[statement.qualifier].format(
        f"{statement.value:g}{statement.unit or ''}"
    )
    if statement.qualifier == "at_most":
        written = "控制在" + written
    return MappedTarget(
        indicator.code, _QUALIFIER_FORMS[statement.qualifier], statement.value, written
    )
