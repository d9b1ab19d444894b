"""Publishing a dataset's values in bulk: :func:`~planwatch.services.values.publish_value`'s
rule for each value, in a number of queries that does not grow with the values.

A region's dataset holds a thousand values and more; publishing them one by
one took six queries each. Here the checks read the region's plan years and
the indicators' validation rules once, the current values are read (and
locked) in one query, and what changes is written in batches with the same
history rows one publish leaves: the superseded value moves to the history
(``由<origin>取代``), the new one is recorded (``<origin> 发布``); a value
already current from the same origin is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from planwatch.services.value_checks import bounds_from, plan_years, plausible, value_period
from planwatch.services.values import Published, observation_fields, short
from planwatch.web.editing.history import InvalidField
from planwatch.web.editing.models import ValidationRule
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord

BATCH = 1000
Key = tuple[int, str, str]  # indicator id, period, status


def publish_values(
    *, actor: Any, values: Sequence[tuple[IndicatorRecord, Published]], origin: str
) -> int:
    """Make each ``(indicator, value)`` current as ``publish_value`` would, in the caller's
    transaction; every value is checked before anything is written. Returns how many
    values were written (new or replacing another)."""
    _check(values)
    ids = {indicator.pk for indicator, _ in values}
    current = {
        (o.indicator_id, o.period, o.status): o
        for o in ObservationRecord.objects.select_for_update().filter(indicator_id__in=ids)
    }
    stale: dict[Key, ObservationRecord] = {}
    fresh: dict[Key, ObservationRecord] = {}
    for indicator, value in values:
        key = (indicator.pk, str(value.period), value.status.value)
        fields = observation_fields(value)
        kept = fresh.get(key) or current.get(key)
        if kept is not None and kept.origin == origin and _holds(kept, fields):
            continue
        if key in current:
            stale[key] = current[key]
        record = ObservationRecord(
            indicator=indicator, period=key[1], status=key[2], origin=origin, **fields
        )
        _valid(record)
        fresh[key] = record
    _delete_with_history(list(stale.values()), actor, short(f"由{origin}取代"))
    bulk_create_with_history(
        list(fresh.values()),
        ObservationRecord,
        batch_size=BATCH,
        default_user=actor,
        default_change_reason=short(f"{origin} 发布"),
    )
    return len(fresh)


def _check(values: Sequence[tuple[IndicatorRecord, Published]]) -> None:
    """The period rule and the hard bounds of every value, from one read of each."""
    one_per_region = {indicator.region_id: indicator for indicator, _ in values}
    years = {region: plan_years(indicator) for region, indicator in one_per_region.items()}
    ids = {indicator.pk for indicator, _ in values}
    rules = {r.indicator_id: r for r in ValidationRule.objects.filter(indicator_id__in=ids)}
    bounds = {
        indicator.pk: bounds_from(indicator, rules.get(indicator.pk)) for indicator, _ in values
    }
    for indicator, value in values:
        period = value_period(str(value.period), indicator, years[indicator.region_id])
        plausible(indicator, period, value.value, bounds[indicator.pk])


def _holds(record: ObservationRecord, fields: dict[str, Any]) -> bool:
    return all(getattr(record, name) == given for name, given in fields.items())


def _valid(record: ObservationRecord) -> None:
    """The field checks of every saved value (lengths, choices), without a query."""
    try:
        record.full_clean(exclude=["indicator"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:  # named as a single save names it
        field, messages = next(iter(exc.message_dict.items()))
        raise InvalidField(field, f"{field}: {' '.join(messages)}") from None


def _delete_with_history(records: list[ObservationRecord], actor: Any, reason: str) -> None:
    """Delete ``records`` (the values replaced: none on a first load or a load of what is
    stored), each leaving the history row a single delete leaves, then give those rows their
    reason and actor."""
    if not records:
        return
    historical = ObservationRecord.history.model  # type: ignore[attr-defined]
    before = historical.objects.aggregate(last=Max("history_id"))["last"] or 0
    ids = [r.pk for r in records]
    ObservationRecord.objects.filter(pk__in=ids).delete()
    written = historical.objects.filter(history_id__gt=before, history_type="-", id__in=ids)
    written.update(history_change_reason=reason, history_user=actor)
