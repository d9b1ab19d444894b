"""Use cases of the plan: load a dataset, read the catalog.

Evaluating a year is :func:`planwatch.services.evaluation.evaluate`.

Each function is one transaction; views, the API and the CLI call these and
nothing below them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from planwatch.core.dataset import Dataset, read_dataset
from planwatch.core.errors import NotFound
from planwatch.services import regions
from planwatch.services.value_loads import publish_values
from planwatch.services.values import Published
from planwatch.web.plan import sources
from planwatch.web.plan.models import (
    IndicatorRecord,
    Region,
    SummaryExample,
    TargetRecord,
)

BATCH = 1000
LOADED = "载入数据集"
M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class LoadResult:
    region: str
    indicators: int
    targets: int
    observations: int


def load_dataset(directory: Path) -> LoadResult:
    """Load a dataset directory; all or nothing.

    The files are read and validated completely before the database is
    touched (:class:`~planwatch.core.errors.DatasetError` lists every
    problem); loading the same dataset twice changes nothing.
    """
    dataset = read_dataset(directory)
    with transaction.atomic():
        loaded = _store(dataset)
        sources.load_documents(Region.objects.get(code=loaded.region), directory)
        return loaded


def _store(dataset: Dataset) -> LoadResult:
    region, _ = Region.objects.update_or_create(
        code=dataset.region.code,
        defaults={"name": dataset.region.name, "name_en": dataset.region.name_en},
    )
    regions.link_parent(region, dataset.region)
    kept = {r.code: r for r in IndicatorRecord.objects.filter(region=region)}
    _upsert(
        IndicatorRecord,
        kept,
        {
            ind.code: {
                "region_id": region.pk,
                "code": ind.code,
                "name": ind.name,
                "name_en": ind.name_en,
                "aliases": "|".join(ind.aliases),
                "unit": ind.unit,
                "kind": ind.kind.value,
                "direction": ind.direction.value,
                "binding": ind.binding.value,
                "group": ind.group,
                "owner": ind.owner,
                "tolerance": ind.tolerance,
                "flag_below": ind.flag_below,
                "position": position,
            }
            for position, ind in enumerate(dataset.indicators, start=1)
        },
    )
    records = {r.code: r for r in IndicatorRecord.objects.filter(region=region)}
    targets = TargetRecord.objects.filter(indicator__region=region)
    _upsert(
        TargetRecord,
        {(t.indicator_id, t.year): t for t in targets},
        {
            (records[t.indicator].pk, t.year): {
                "indicator_id": records[t.indicator].pk,
                "year": t.year,
                "form": t.form.value,
                "text": t.text,
                "value": t.value,
                "upper": t.upper,
                "reference_id": records[t.reference].pk if t.reference else None,
                "tolerance": t.tolerance,
                "headline": t.headline,
                "source": t.source,
            }
            for t in dataset.targets
        },
    )
    published = [
        (
            records[obs.indicator],
            Published(
                obs.period, obs.status, obs.value, obs.source, obs.note, cumulative=obs.cumulative
            ),
        )
        for obs in dataset.observations
    ]
    publish_values(actor=None, values=published, origin=f"dataset:{region.code}")
    for year, chosen in dataset.summary_examples.items():
        for verdict, code in chosen.items():
            SummaryExample.objects.update_or_create(
                region=region,
                year=year,
                verdict=verdict.value,
                defaults={"indicator": records[code]},
            )
    return LoadResult(region.code, len(records), len(dataset.targets), len(dataset.observations))


def _upsert(
    model: type[M], kept: Mapping[Hashable, M], wanted: Mapping[Hashable, dict[str, Any]]
) -> None:
    """Insert the ``wanted`` rows not ``kept`` and update those that differ, in batches, each
    with its history row (``+`` or ``~``) as a single save leaves; equal rows are left alone."""
    new, changed, names = [], [], set()
    for key, fields in wanted.items():
        record = kept.get(key)
        if record is None:
            new.append(model(**fields))
            continue
        differ = {k: v for k, v in fields.items() if getattr(record, k) != v}
        if differ:
            for name, value in differ.items():
                setattr(record, name, value)
            changed.append(record)
            names |= differ.keys()
    bulk_create_with_history(new, model, batch_size=BATCH, default_change_reason=LOADED)
    if changed:
        bulk_update_with_history(
            changed, model, sorted(names), batch_size=BATCH, default_change_reason=LOADED
        )


def get_region(code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist:
        known = ", ".join(Region.objects.values_list("code", flat=True)) or "none loaded"
        raise NotFound(f"no region {code!r} (known: {known})") from None


def indicators(region_code: str | None = None) -> list[IndicatorRecord]:
    """The catalog in plan order, for one region or all."""
    records = IndicatorRecord.objects.select_related("region")
    if region_code is not None:
        records = records.filter(region=get_region(region_code))
    return list(records.order_by("region__code", "position"))
