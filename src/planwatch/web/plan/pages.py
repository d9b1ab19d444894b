"""What the plan pages show, read in a bounded number of queries.

Read-only: the scope (region and year) a page looks at, the dashboard, the
indicator table and the year-by-year history of one indicator. Every verdict
comes from the one engine (``planwatch.core``); nothing here judges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Max
from django.utils import timezone

from planwatch.core.as_of import AsOf
from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.observations import Period
from planwatch.core.timeprogress import Light
from planwatch.services.evaluation import YearEvaluation, as_of_period, evaluate, parse_as_of
from planwatch.web.accounts.roles import regions_of
from planwatch.web.errors import Forbidden
from planwatch.web.plan.models import ObservationRecord, Region, TargetRecord

HEADLINE_FALLBACK = 8  # cards shown when a year's plan names no headline targets
VERDICT_ORDER = (
    Verdict.ABOVE,
    Verdict.MET,
    Verdict.BELOW,
    Verdict.NO_DATA,
    Verdict.NOT_REPORTED,
    Verdict.AWAITING,
    Verdict.NO_TARGET,
    Verdict.NEEDS_JUDGEMENT,
)


@dataclass(frozen=True)
class Scope:
    """The region and plan year a page shows, and the choices offered next to them."""

    region: Region
    year: int
    regions: list[Region]
    years: list[int]
    as_of: Period | None = None  # asked for with ?as_of=; None: the default rule


def scope(
    region_code: str | None,
    year: str | None,
    as_of: str | None = None,
    actor: Any = None,
    *,
    current: bool = False,
) -> Scope:
    """Resolve ``?region=&year=&as_of=``; defaults: the first region, its latest year with data.

    ``current``: default to the year under way instead (see :func:`current_year`),
    as the dashboard does, whose as-of then follows the one default rule.

    ``as_of`` (``2025-10``) implies its year when ``year`` is not given.
    A district's ``actor`` sees its district only, a city's its districts (another is
    ``Forbidden``); a city itself holds no plan and is no choice here.
    Unknown regions or years raise :class:`NotFound` (a 404), never a 500; an
    as-of period that is not a period or not in the year is :class:`InvalidValue` (a 400).
    """
    chosen = as_of_period(as_of) if as_of else None
    if chosen is not None and not year:
        year = str(chosen.year)
    own = None if actor is None else regions_of(actor)
    districts = Region.objects.districts().order_by("code")
    regions = list(districts if own is None else districts.filter(pk__in=own))
    if not regions:
        raise NotFound("还没有载入任何地区的数据(运行 planwatch demo 或 planwatch load)。")
    if own is not None and region_code and region_code not in {r.code for r in regions}:
        raise Forbidden(f"只能查看{'、'.join(r.name for r in regions)}的数据。")
    region = (
        next((r for r in regions if r.code == region_code), None) if region_code else regions[0]
    )
    if region is None:
        raise NotFound(f"没有地区 {region_code!r}。")
    years = sorted(
        set(TargetRecord.objects.filter(indicator__region=region).values_list("year", flat=True))
    )
    if not years:
        raise NotFound(f"{region.name}还没有计划目标。")
    if year is None or year == "":
        default = current_year(region, years) if current else _default_year(region, years)
        return Scope(region, default, regions, years)
    if not year.isdigit() or int(year) not in years:
        raise NotFound(f"{region.name}没有{year}年的计划。")
    return Scope(region, int(year), regions, years, parse_as_of(chosen, int(year)))


def _default_year(region: Region, years: list[int]) -> int:
    """The latest plan year with a whole-year value (the year a report can be written for)."""
    annual = ObservationRecord.objects.filter(indicator__region=region, year__in=years)
    with_values = set(annual.exclude(period__contains="-").values_list("year", flat=True))
    return max(with_values) if with_values else years[-1]


def current_year(region: Region, years: list[int], today: date | None = None) -> int:
    """The plan year under way: the latest up to today's year holding any value, in-year or not.

    A year whose plan is drafted but holds no value yet is not shown by
    default (its dashboard would be empty); neither is a future year.
    """
    this_year = (today or timezone.localdate()).year
    held = ObservationRecord.objects.filter(
        indicator__region=region, year__in=[y for y in years if y <= this_year]
    )
    with_values = set(held.values_list("year", flat=True).distinct())
    return max(with_values) if with_values else _default_year(region, years)


def evaluation(scope: Scope, resolved: AsOf | None = None) -> YearEvaluation:
    """The scope's year evaluated as of ``?as_of=`` or the default rule (as every surface);
    ``resolved``: that as-of, when the caller already resolved it."""
    return evaluate(scope.region.code, scope.year, as_of=resolved or scope.as_of)


@dataclass(frozen=True)
class Card:
    evaluation: Evaluation
    series: list[tuple[str, float]]


@dataclass(frozen=True)
class Dashboard:
    result: YearEvaluation
    cards: list[Card]
    counts: list[tuple[Verdict, int]]
    lagging: list[Evaluation]
    updated_at: datetime | None


def dashboard(scope: Scope, resolved: AsOf | None = None) -> Dashboard:
    """Headline cards, verdict counts, the summary and the lagging items of a plan year
    (``resolved``: the scope's as-of, when the caller already resolved it)."""
    region, year = scope.region, scope.year
    result = evaluation(scope, resolved)
    headline = (
        sorted(
            (e for e in result.evaluations if e.target and e.target.headline),
            key=lambda e: e.target.headline or 0,  # type: ignore[union-attr]
        )
        or result.evaluations[:HEADLINE_FALLBACK]
    )
    series = _series(region, year, [e.indicator.code for e in headline])
    lagging = sorted(
        (e for e in result.evaluations if is_lagging(e)),
        key=lambda e: e.attainment if e.attainment is not None else 999.0,
    )
    counts = [(v, result.count(v)) for v in VERDICT_ORDER if result.count(v) or v.is_judged]
    updated = ObservationRecord.objects.filter(indicator__region=region, year=year).aggregate(
        last=Max("updated_at")
    )["last"]
    return Dashboard(
        result=result,
        cards=[Card(e, series.get(e.indicator.code, [])) for e in headline],
        counts=counts,
        lagging=lagging,
        updated_at=updated,
    )


def is_lagging(e: Evaluation) -> bool:
    """The dashboard's lagging indicators: below expectation, attainment flagged, or red
    against time progress."""
    red = e.progress is not None and e.progress.light is Light.RED
    return e.verdict is Verdict.BELOW or e.flagged or red


def _series(region: Region, year: int, codes: list[str]) -> dict[str, list[tuple[str, float]]]:
    """For a sparkline: the year's months or quarters when there are, else the yearly values."""
    found: dict[str, dict[str, list[tuple[str, float]]]] = {}
    rows = ObservationRecord.objects.filter(indicator__region=region, indicator__code__in=codes)
    for code, period, value in rows.order_by("period", "updated_at").values_list(
        "indicator__code", "period", "value"
    ):
        key = "within" if period.startswith(f"{year}-") else "yearly" if len(period) == 4 else ""
        if key and (key == "within" or int(period) <= year):
            found.setdefault(code, {}).setdefault(key, []).append((period, value))
    return {
        code: kinds.get("within") if len(kinds.get("within", [])) > 1 else kinds.get("yearly", [])
        for code, kinds in found.items()
    }
