"""Use cases of the plan: load a dataset, read the catalog.

Evaluating a year is :func:`planwatch.services.evaluation.evaluate`.

Each function is one transaction; views, the API and the CLI call these and
nothing below them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from planwatch.core.dataset import Dataset, read_dataset
from planwatch.core.errors import NotFound
from planwatch.services.values import Published, publish_value
from planwatch.web.plan.models import (
    IndicatorRecord,
    Region,
    SummaryExample,
    TargetRecord,
)


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
        return _store(dataset)


def _store(dataset: Dataset) -> LoadResult:
    region, _ = Region.objects.update_or_create(
        code=dataset.region.code,
        defaults={
            "name": dataset.region.name,
            "name_en": dataset.region.name_en,
            "parent": dataset.region.parent,
        },
    )
    records: dict[str, IndicatorRecord] = {}
    for position, ind in enumerate(dataset.indicators, start=1):
        records[ind.code], _ = IndicatorRecord.objects.update_or_create(
            region=region,
            code=ind.code,
            defaults={
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
            },
        )
    for target in dataset.targets:
        TargetRecord.objects.update_or_create(
            indicator=records[target.indicator],
            year=target.year,
            defaults={
                "form": target.form.value,
                "text": target.text,
                "value": target.value,
                "upper": target.upper,
                "reference": records[target.reference] if target.reference else None,
                "tolerance": target.tolerance,
                "headline": target.headline,
                "source": target.source,
            },
        )
    origin = f"dataset:{region.code}"
    for obs in dataset.observations:
        published = Published(
            obs.period, obs.status, obs.value, obs.source, obs.note, cumulative=obs.cumulative
        )
        publish_value(actor=None, indicator=records[obs.indicator], value=published, origin=origin)
    for year, chosen in dataset.summary_examples.items():
        for verdict, code in chosen.items():
            SummaryExample.objects.update_or_create(
                region=region,
                year=year,
                verdict=verdict.value,
                defaults={"indicator": records[code]},
            )
    return LoadResult(region.code, len(records), len(dataset.targets), len(dataset.observations))


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
