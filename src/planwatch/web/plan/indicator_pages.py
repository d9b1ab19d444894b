"""What the indicator page and the comparison page show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.core.errors import NotFound
from planwatch.core.indicators import Kind
from planwatch.core.observations import Period
from planwatch.services.evaluation import IndicatorYear, evaluate, indicator_years
from planwatch.web.plan import charts
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region
from planwatch.web.plan.pages import Scope


@dataclass(frozen=True)
class IndicatorPage:
    record: IndicatorRecord
    year: int
    current: IndicatorYear | None
    years: list[IndicatorYear]
    history: list[ObservationRecord]
    within_chart: dict[str, Any] | None
    years_chart: dict[str, Any] | None


def indicator_page(scope: Scope, code: str) -> IndicatorPage:
    """One indicator: this year's verdict, every year's, and every value with its source.

    Every year is judged as the dashboard judges it: as of ``?as_of=`` in its
    year, else as of that year's default (:mod:`planwatch.services.evaluation`).
    """
    region, year = scope.region, scope.year
    record = _record(region, code)
    years = indicator_years([record], as_of=scope.as_of)
    current = next((y for y in years if y.year == year), None)
    if current is None:  # no target this year: judged with the whole plan (未下达控制指标)
        result = evaluate(region.code, year, as_of=scope.as_of)
        judged = result.of(code)
        current = None if judged is None else IndicatorYear(region, year, result.as_of, judged)
    history = list(
        ObservationRecord.objects.filter(indicator=record).order_by("-period", "-updated_at")
    )
    within = sorted(
        ((o.period, o.value) for o in history if o.year == year and len(o.period) > 4),
        key=lambda pv: _period_key(pv[0]),
    )
    target = current.evaluation.target if current else None
    cumulative_target = Kind(record.kind) in (Kind.LEVEL, Kind.COUNT)
    rows = [
        (y.year, y.evaluation.actual, y.evaluation.target.value if y.evaluation.target else None)
        for y in years
    ]
    return IndicatorPage(
        record=record,
        year=year,
        current=current,
        years=years,
        history=history,
        within_chart=charts.within_year(
            within, target.value if target else None, cumulative_target
        ),
        years_chart=charts.across_years(rows),
    )


@dataclass(frozen=True)
class Comparison:
    record: IndicatorRecord
    choices: list[IndicatorRecord]
    years: list[int]
    rows: list[IndicatorYear]
    chart: dict[str, Any] | None


def comparison(scope: Scope, code: str | None) -> Comparison:
    """One indicator across years, and across every loaded region that has it (same code).

    Each row is judged as of ``?as_of=`` in its year, else as of its default.
    """
    region = scope.region
    choices = list(IndicatorRecord.objects.filter(region=region).order_by("position"))
    if not choices:
        raise NotFound(f"{region.name}没有指标。")
    record = _record(region, code) if code else choices[0]
    same = IndicatorRecord.objects.filter(code=record.code).select_related("region")
    rows = indicator_years(same.order_by("region__code"), as_of=scope.as_of)
    years = sorted({r.year for r in rows})
    actuals: dict[str, list[float | None]] = {}
    targets: dict[str, list[float | None]] = {}
    for row in rows:
        at = years.index(row.year)
        actuals.setdefault(row.region.name, [None] * len(years))[at] = row.evaluation.actual
        target = row.evaluation.target
        targets.setdefault(row.region.name, [None] * len(years))[at] = target and target.value
    chart = charts.regions_over_years(years, actuals, targets)
    return Comparison(record, choices, years, rows, chart)


def _record(region: Region, code: str) -> IndicatorRecord:
    try:
        return IndicatorRecord.objects.select_related("region").get(region=region, code=code)
    except IndicatorRecord.DoesNotExist:
        raise NotFound(f"{region.name}没有指标 {code!r}。") from None


def _period_key(period: str) -> float:
    """Months and quarters on one axis: the share of the year elapsed at the period's end."""
    return Period.parse(period).elapsed_share
