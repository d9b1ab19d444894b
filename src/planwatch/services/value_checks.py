"""What a value must be before it is stored, the same for every surface.

One period rule (:func:`value_period`), the indicator's plausibility
(:mod:`planwatch.core.plausibility`) and its validation rules
(:mod:`planwatch.core.validation`). :func:`findings` lists everything;
:func:`checked` refuses a value with any error as
:class:`~planwatch.core.validation.ValidationFailed`, every finding naming
its field, so that a form puts each message beside its field and the API and
the workbook report the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.plausibility import Bounds, Earlier, assess, default_bounds, period_within
from planwatch.core.validation import Finding, Rules, ValidationFailed, check, errors
from planwatch.web.editing.models import ValidationRule
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.submissions.models import ReportingPeriod

NOTE_LIMIT = 2000


@dataclass(frozen=True)
class Entry:
    """A value as someone enters it: the period, the value, actual or estimate, a note.

    ``unit`` is the unit it was typed in (``None``: the indicator's own); a
    value of a month or quarter is year-to-date (cumulative), as the
    statistics publish it.
    """

    period: str
    value: float
    status: Status = Status.ACTUAL
    note: str = ""
    unit: str | None = None


class PeriodClosed(Conflict):
    """A value for a reporting period the plan office has closed."""

    field = "period"


def plan_years(indicator: IndicatorRecord) -> list[int]:
    """The years the indicator's region has targets for."""
    years = TargetRecord.objects.filter(indicator__region_id=indicator.region_id)
    return sorted(set(years.values_list("year", flat=True)))


def period_message(indicator: IndicatorRecord, years: list[int] | None = None) -> str:
    """The one message for a period a value cannot have, on every surface."""
    years = plan_years(indicator) if years is None else years
    span = f"{min(years) - 2}—{max(years) + 2}" if years else "1949—2100"
    return f"报告期应为 2025、2025-Q3 或 2025-07 这样的年、季或月,年份在 {span} 之间。"


def value_period(text: str, indicator: IndicatorRecord, years: list[int] | None = None) -> Period:
    """The period ``text`` names, if a value of the plan can have it; the one message else.

    ``years``: the region's :func:`plan_years`, when read already (bulk loads).
    """
    years = plan_years(indicator) if years is None else years
    message = period_message(indicator, years)
    try:
        period = Period.parse(text.strip())
    except InvalidValue:
        raise ValidationFailed([Finding("bad_period", "period", message)]) from None
    if not period_within(period, years):
        raise ValidationFailed([Finding("bad_period", "period", message)])
    return period


def findings(
    indicator: IndicatorRecord, entry: Entry, *, needs_target: bool = True
) -> list[Finding]:
    """Every finding about ``entry`` (errors refuse it, warnings flag it to the reviewer)."""
    try:
        period = value_period(entry.period, indicator)
    except ValidationFailed as exc:
        return exc.findings
    target = TargetRecord.objects.filter(indicator=indicator, year=period.year).first()
    found: list[Finding] = []
    if needs_target and target is None:
        message = f"{period.year}年没有该指标的计划目标,不能报送。"
        found.append(Finding("no_target", "period", message))
    if len(entry.note) > NOTE_LIMIT:
        found.append(Finding("note_too_long", "note", f"说明不超过 {NOTE_LIMIT} 字。"))
    current = [o.to_domain() for o in ObservationRecord.objects.filter(indicator=indicator)]
    plausible = assess(
        entry.value,
        period,
        indicator=indicator.to_domain(),
        bounds=bounds_of(indicator),
        earlier=_earlier(current, entry.status),
        target=target.value if target else None,
        remark=entry.note,
    )
    found += plausible
    if errors(plausible):
        return found
    proposed = Observation(
        indicator=indicator.code,
        period=period,
        value=entry.value,
        status=entry.status,
        cumulative=not period.is_year,
        note=entry.note,
    )
    rule = ValidationRule.objects.filter(indicator=indicator).first()
    rules = rule.to_domain() if rule else Rules()  # the defaults are plausibility's hard bounds
    return found + check(
        proposed, indicator=indicator.to_domain(), rules=rules, existing=current, unit=entry.unit
    )


def checked(
    indicator: IndicatorRecord, entry: Entry, *, needs_target: bool = True
) -> tuple[Period, list[Finding]]:
    """The entry's period and its warnings; :class:`ValidationFailed` on any error."""
    found = findings(indicator, entry, needs_target=needs_target)
    if errors(found):
        raise ValidationFailed(errors(found))
    return Period.parse(entry.period.strip()), found


def refuse_if_closed(indicator: IndicatorRecord, period: Period) -> None:
    """Refuse a value for a period the plan office has closed (never-opened periods pass)."""
    record = ReportingPeriod.objects.filter(region_id=indicator.region_id, period=str(period))
    closed = record.filter(is_open=False).first()
    if closed is not None:
        when = timezone.localdate(closed.closed_at)
        raise PeriodClosed(f"{period}报告期已于{when}关闭,不能再报送。")


def plausible(
    indicator: IndicatorRecord, period: Period, value: float, bounds: Bounds | None = None
) -> None:
    """Refuse a published value no indicator of its kind can have (the hard bounds only:
    a published source is what it is, however unusual). ``bounds``: the indicator's
    :func:`bounds_of`, when read already (bulk loads)."""
    bounds = bounds_of(indicator) if bounds is None else bounds
    soft_off = Bounds(bounds.minimum, bounds.maximum, jump_factor=None, target_factor=None)
    found = assess(value, period, indicator=indicator.to_domain(), bounds=soft_off)
    if found:
        raise ValidationFailed(found)


def bounds_of(indicator: IndicatorRecord) -> Bounds:
    return bounds_from(indicator, ValidationRule.objects.filter(indicator=indicator).first())


def bounds_from(indicator: IndicatorRecord, rule: ValidationRule | None) -> Bounds:
    """The bounds of ``rule``, the indicator's validation rule, else the defaults of its kind."""
    return rule.to_bounds() if rule else default_bounds(indicator.to_domain())


def earlier_values(indicator: IndicatorRecord, status: Status) -> list[Earlier]:
    """The indicator's current values, one per period (those of ``status`` preferred)."""
    current = [o.to_domain() for o in ObservationRecord.objects.filter(indicator=indicator)]
    return _earlier(current, status)


def _earlier(current: list[Observation], status: Status) -> list[Earlier]:
    chosen: dict[Period, Observation] = {}
    for o in sorted(current, key=lambda o: o.status is status):
        chosen[o.period] = o
    return [Earlier(p, o.value) for p, o in chosen.items()]
