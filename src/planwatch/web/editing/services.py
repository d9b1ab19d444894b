"""Use cases that change the plan office's records: indicators, targets, validation rules.

Only the plan office may change them. Each function is one transaction: it
checks permission, locks the record at the version the actor read, validates
through the core, and saves with the history user and reason.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.targets import Target, TargetForm
from planwatch.core.validation import Rules
from planwatch.web.accounts.roles import can_review, require
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.editing.models import ValidationRule
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, TargetRecord

INDICATOR_FIELDS = frozenset(
    {
        "name",
        "name_en",
        "aliases",
        "unit",
        "kind",
        "direction",
        "binding",
        "group",
        "owner",
        "tolerance",
        "flag_below",
    }
)
TARGET_FIELDS = frozenset({"form", "text", "value", "upper", "reference", "tolerance", "source"})


def _plan_office_only(actor: Any) -> None:
    require(can_review(actor), "only the plan office may change indicators, targets and rules")


def _unknown(fields: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise InvalidField(unknown[0], f"{unknown[0]} cannot be changed here")


@transaction.atomic
def update_indicator(
    *, actor: Any, indicator_id: int, changes: dict[str, Any], version: int, reason: str
) -> IndicatorRecord:
    """Change some fields of an indicator; ``aliases`` is a list of names."""
    _plan_office_only(actor)
    _unknown(changes, INDICATOR_FIELDS)
    record = history.locked(IndicatorRecord, indicator_id, version)
    for field, value in changes.items():
        setattr(record, field, "|".join(value) if field == "aliases" else value)
    return history.save(record, actor=actor, reason=history.reason_required(reason))


@transaction.atomic
def save_target(
    *,
    actor: Any,
    indicator_id: int,
    year: int,
    fields: dict[str, Any],
    version: int | None,
    reason: str,
) -> TargetRecord:
    """Set the target of an indicator for a year: create it (``version`` None) or replace it."""
    _plan_office_only(actor)
    _unknown(fields, TARGET_FIELDS)
    indicator = indicator_or_404(indicator_id)
    existing = TargetRecord.objects.filter(indicator=indicator, year=year).first()
    if existing is None:
        record = TargetRecord(indicator=indicator, year=year)
        reason = reason.strip() or "target created"
    elif version is None:
        raise Conflict(
            f"{indicator.name} already has a {year} target; send its version to change it"
        )
    else:
        record = history.locked(TargetRecord, existing.pk, version)
        reason = history.reason_required(reason)
    reference = fields.pop("reference", None)
    for field, value in fields.items():
        setattr(record, field, value)
    record.source = record.source or f"entered by {actor.get_username()}"
    record.reference = _reference(indicator, reference) if reference else None
    _target_domain(record, indicator.code)
    return history.save(record, actor=actor, reason=reason)


@transaction.atomic
def delete_target(*, actor: Any, target_id: int, version: int, reason: str) -> None:
    _plan_office_only(actor)
    record = history.locked(TargetRecord, target_id, version)
    history.delete(record, actor=actor, reason=history.reason_required(reason))


@transaction.atomic
def set_rules(
    *,
    actor: Any,
    indicator_id: int,
    rules: Rules,
    version: int | None,
    reason: str,
    factors: tuple[float | None, float | None] = (None, None),
) -> ValidationRule:
    """Set the validation rules of an indicator (``version`` None: it has none yet).

    ``factors`` are the plausibility's soft factors (jump, target); ``None``: the default.
    """
    _plan_office_only(actor)
    indicator = indicator_or_404(indicator_id)
    existing = ValidationRule.objects.filter(indicator=indicator).first()
    if existing is None:
        record = ValidationRule(indicator=indicator)
    elif version is None:
        raise Conflict(f"{indicator.name} already has rules; send their version to change them")
    else:
        record = history.locked(ValidationRule, existing.pk, version)
    record.minimum, record.maximum = rules.minimum, rules.maximum
    record.max_jump, record.monotone_cumulative = rules.max_jump, rules.monotone_cumulative
    record.jump_factor, record.target_factor = factors
    return history.save(record, actor=actor, reason=reason.strip() or "rules set")


def indicator_or_404(indicator_id: int) -> IndicatorRecord:
    try:
        return IndicatorRecord.objects.select_related("region").get(pk=indicator_id)
    except IndicatorRecord.DoesNotExist:
        raise NotFound(f"no indicator {indicator_id}") from None


def _reference(indicator: IndicatorRecord, code: str) -> IndicatorRecord:
    try:
        return IndicatorRecord.objects.get(region=indicator.region, code=code)
    except IndicatorRecord.DoesNotExist:
        raise InvalidField("reference", f"no indicator {code!r} in {indicator.region}") from None


def _target_domain(record: TargetRecord, code: str) -> Target:
    """The core's view of the target, which refuses inconsistent ones."""
    try:
        form = TargetForm(record.form)
    except ValueError:
        raise InvalidField("form", f"{record.form!r} is not a target form") from None
    try:
        return Target(
            indicator=code,
            year=record.year,
            form=form,
            text=record.text,
            value=record.value,
            upper=record.upper,
            reference=record.reference.code if record.reference else None,
            tolerance=record.tolerance,
        )
    except InvalidValue as exc:
        raise InvalidField("value", exc.message) from None
