"""Use cases of indicator values: check, record, correct, delete, import in bulk.

A department writes its own indicators' values, the plan office any. Every
value is checked against the indicator's rules (:mod:`planwatch.core.validation`)
and the values already held; errors refuse it, warnings come back with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.validation import Finding, ValidationFailed, check, default_rules, errors
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.editing.models import ValidationRule
from planwatch.web.editing.services import indicator_or_404
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord

ORIGIN = "entry"  # values typed in through the API or the pages (one per period and status)


@dataclass(frozen=True)
class Entry:
    """A value as someone enters it."""

    period: str
    value: float
    status: Status = Status.ACTUAL
    cumulative: bool = False
    unit: str | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Recorded:
    observation: ObservationRecord
    warnings: list[Finding]


def findings_for(indicator: IndicatorRecord, entry: Entry) -> list[Finding]:
    """Every finding about ``entry`` for ``indicator`` (for forms: show before saving)."""
    period = period_of(entry.period)
    rule = ValidationRule.objects.filter(indicator=indicator).first()
    domain = indicator.to_domain()
    existing = [o.to_domain() for o in indicator.observations.all()]
    proposed = Observation(
        indicator=indicator.code,
        period=period,
        value=entry.value,
        status=entry.status,
        cumulative=entry.cumulative,
        source=entry.source,
        note=entry.note,
    )
    rules = rule.to_domain() if rule else default_rules(domain)
    return check(proposed, indicator=domain, rules=rules, existing=existing, unit=entry.unit)


def check_entry(indicator_id: int, entry: Entry) -> list[Finding]:
    """The warnings about ``entry``; raises :class:`ValidationFailed` on any error.

    For every path that writes values (the submissions too): the same rules everywhere.
    """
    return _checked(indicator_or_404(indicator_id), entry)


@transaction.atomic
def record(*, actor: Any, indicator_id: int, entry: Entry, reason: str = "") -> Recorded:
    """Store a new value; refused if one was already entered for that period and status."""
    indicator = _writable(actor, indicator_id)
    period = period_of(entry.period)
    if ObservationRecord.objects.filter(
        indicator=indicator, period=str(period), status=entry.status.value, origin=ORIGIN
    ).exists():
        raise Conflict(
            f"{indicator.name} already has an entered {entry.status.value} for {period}; "
            "change that one (with its version) instead"
        )
    warnings = _checked(indicator, entry)
    obs = ObservationRecord(indicator=indicator, origin=ORIGIN)
    _fill(obs, entry, period, actor)
    history.save(obs, actor=actor, reason=reason.strip() or "value entered")
    return Recorded(obs, warnings)


@transaction.atomic
def correct(
    *, actor: Any, observation_id: int, entry: Entry, version: int, reason: str
) -> Recorded:
    """Change a value at the version the actor read; the period may not change."""
    obs = history.locked(ObservationRecord, observation_id, None)
    indicator = _writable(actor, obs.indicator_id)
    history.at_version(obs, version)
    period = period_of(entry.period)
    if str(period) != obs.period or entry.status.value != obs.status:
        raise InvalidField("period", "a correction keeps the period and status; enter a new value")
    warnings = _checked(indicator, entry)
    _fill(obs, entry, period, actor)
    history.save(obs, actor=actor, reason=history.reason_required(reason))
    return Recorded(obs, warnings)


@transaction.atomic
def delete(*, actor: Any, observation_id: int, version: int, reason: str) -> None:
    obs = history.locked(ObservationRecord, observation_id, None)
    _writable(actor, obs.indicator_id)
    history.at_version(obs, version)
    history.delete(obs, actor=actor, reason=history.reason_required(reason))


@transaction.atomic
def import_entries(*, actor: Any, rows: Sequence[tuple[int, Entry]], reason: str) -> list[Recorded]:
    """Record many values, all or nothing: any refusal or failure leaves the database unchanged."""
    reason = history.reason_required(reason)
    return [record(actor=actor, indicator_id=i, entry=e, reason=reason) for i, e in rows]


def _writable(actor: Any, indicator_id: int) -> IndicatorRecord:
    indicator = indicator_or_404(indicator_id)
    require(
        can_write_for(actor, indicator.owner),
        f"only {indicator.owner or 'the plan office'} may write values of {indicator.name}",
    )
    return indicator


def period_of(text: str) -> Period:
    try:
        return Period.parse(text)
    except InvalidValue as exc:
        raise InvalidField("period", exc.message) from None


def _checked(indicator: IndicatorRecord, entry: Entry) -> list[Finding]:
    findings = findings_for(indicator, entry)
    if errors(findings):
        raise ValidationFailed(errors(findings))
    return findings


def _fill(obs: ObservationRecord, entry: Entry, period: Period, actor: Any) -> None:
    obs.period, obs.year = str(period), period.year
    obs.value, obs.status, obs.cumulative = entry.value, entry.status.value, entry.cumulative
    obs.source = entry.source or f"entered by {actor.get_username()}"
    obs.note = entry.note
