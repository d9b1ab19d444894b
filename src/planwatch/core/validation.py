"""Validation of a proposed indicator value against its rules and the values already held.

Rules are data (one :class:`Rules` per indicator, defaults from its kind);
:func:`check` is pure: it takes the proposed observation, the unit it was
given in, the rules and the indicator's existing observations, and returns
every finding. Errors refuse the value; warnings let it through but are
shown, and a jump beyond ``max_jump`` is an error until a remark explains it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.errors import InvalidValue
from planwatch.core.indicators import Indicator, Kind
from planwatch.core.observations import Observation, Period, Status


class Severity(StrEnum):
    ERROR = "error"  # the value is refused
    WARNING = "warning"  # the value is stored; the reviewer sees the finding


@dataclass(frozen=True)
class Rules:
    """What a value of one indicator may be.

    ``minimum`` / ``maximum`` bound the value (inclusive); ``max_jump`` is the
    largest change from the previous period of the same granularity (in the
    indicator's unit, percentage points for rates) accepted without a remark;
    ``cumulative`` amounts and counts may never decrease within a year (a year-to-date
    rate may).
    """

    minimum: float | None = None
    maximum: float | None = None
    max_jump: float | None = None
    monotone_cumulative: bool = True

    def __post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise InvalidValue("a rule's maximum is below its minimum")
        if self.max_jump is not None and self.max_jump < 0:
            raise InvalidValue("a rule's maximum jump cannot be negative")


@dataclass(frozen=True)
class Finding:
    """One reason to refuse or question a value: a stable code, the field, a message."""

    code: str
    field: str
    message: str
    severity: Severity = Severity.ERROR


class ValidationFailed(InvalidValue):
    """A value refused by its rules; ``findings`` holds every error, the first names the field."""

    code = "validation_failed"

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        self.field = self.findings[0].field if self.findings else None
        super().__init__("; ".join(f.message for f in self.findings))


def default_rules(indicator: Indicator) -> Rules:
    """Rules every indicator of a kind obeys when the office has set none: shares are
    0–100 %, counts and levels are not negative."""
    if indicator.kind is Kind.SHARE:
        return Rules(minimum=0.0, maximum=100.0)
    if indicator.kind in (Kind.COUNT, Kind.LEVEL):
        return Rules(minimum=0.0)
    return Rules()


def check(
    proposed: Observation,
    *,
    indicator: Indicator,
    rules: Rules,
    existing: Sequence[Observation] = (),
    unit: str | None = None,
) -> list[Finding]:
    """Every finding about ``proposed``; ``existing`` are the indicator's other observations.

    ``unit`` is the unit the value was entered in (``None``: the indicator's own).
    An observation in ``existing`` for the same period and status is the value
    being replaced and is ignored.
    """
    findings: list[Finding] = []
    value = proposed.value
    if unit is not None and unit != indicator.unit:
        findings.append(
            Finding("wrong_unit", "unit", f"{indicator.name}的单位是{indicator.unit},不是{unit}")
        )
    if not math.isfinite(value):
        return [*findings, Finding("not_a_number", "value", "请输入一个有限的数值")]
    if rules.minimum is not None and value < rules.minimum:
        findings.append(
            Finding("below_minimum", "value", f"{value:g} 小于允许的最小值 {rules.minimum:g}")
        )
    if rules.maximum is not None and value > rules.maximum:
        findings.append(
            Finding("above_maximum", "value", f"{value:g} 大于允许的最大值 {rules.maximum:g}")
        )
    others = [
        o
        for o in existing
        if o.indicator == proposed.indicator
        and not (o.period == proposed.period and o.status is proposed.status)
    ]
    findings += _estimate_after_actual(proposed, others)
    findings += _jump(proposed, rules, others)
    if proposed.cumulative and rules.monotone_cumulative and not indicator.kind.is_rate:
        findings += _decrease(proposed, others)
    return findings


def errors(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def _estimate_after_actual(proposed: Observation, others: Sequence[Observation]) -> list[Finding]:
    if proposed.status is not Status.ESTIMATE:
        return []
    if any(o.period == proposed.period and o.status is Status.ACTUAL for o in others):
        return [
            Finding(
                "estimate_after_actual",
                "status",
                f"{proposed.period}已有实际值,预计值不能再替换它",
            )
        ]
    return []


def _previous(period: Period, others: Sequence[Observation]) -> Observation | None:
    """The latest observation of the same granularity before ``period`` (actual preferred)."""
    same_kind = [
        o
        for o in others
        if (o.period.quarter is None) == (period.quarter is None)
        and (o.period.month is None) == (period.month is None)
        and o.period < period
    ]
    if not same_kind:
        return None
    latest = max(o.period for o in same_kind)
    candidates = [o for o in same_kind if o.period == latest]
    return next((o for o in candidates if o.status is Status.ACTUAL), candidates[0])


def _jump(proposed: Observation, rules: Rules, others: Sequence[Observation]) -> list[Finding]:
    previous = _previous(proposed.period, others)
    if rules.max_jump is None or previous is None:
        return []
    change = abs(proposed.value - previous.value)
    if change <= rules.max_jump:
        return []
    remarked = bool(proposed.note.strip())
    return [
        Finding(
            "jump_needs_remark" if not remarked else "jump",
            "note" if not remarked else "value",
            f"较上期({previous.period}: {previous.value:g})变动 {change:g},"
            f"超过 {rules.max_jump:g}" + ("" if remarked else ",请在说明中写明原因"),
            Severity.WARNING if remarked else Severity.ERROR,
        )
    ]


def _decrease(proposed: Observation, others: Sequence[Observation]) -> list[Finding]:
    """A cumulative value lower than an earlier one, or higher than a later one, of its year."""
    same_year = [
        o
        for o in others
        if o.cumulative and o.period.year == proposed.period.year and o.status is proposed.status
    ]
    at = proposed.period.elapsed_share
    earlier = [o for o in same_year if o.period.elapsed_share < at and o.value > proposed.value]
    later = [o for o in same_year if o.period.elapsed_share > at and o.value < proposed.value]
    clash = earlier or later
    if not clash:
        return []
    other = clash[0]
    return [
        Finding(
            "cumulative_decrease",
            "value",
            f"累计值不能在年内下降:{other.period}为 {other.value:g},{proposed.period}为 "
            f"{proposed.value:g}",
        )
    ]
