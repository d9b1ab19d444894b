"""What the plan pages show, read in a bounded number of queries.

Read-only: the scope (region and year) a page looks at, the dashboard, the
indicator table and the year-by-year history of one indicator. Every verdict
comes from the one engine (``planwatch.core``); nothing here judges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Max

from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation, Verdict, evaluate
from planwatch.core.observations import Observation, Period
from planwatch.core.plan import annual_observation
from planwatch.core.targets import TargetForm
from planwatch.core.timeprogress import Light
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord
from planwatch.web.plan.services import YearEvaluation, evaluate_year

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


def scope(region_code: str | None, year: str | None) -> Scope:
    """Resolve ``?region=&year=``; defaults: the first region, its latest year with data.

    Unknown regions or years raise :class:`NotFound` (a 404), never a 500.
    """
    regions = list(Region.objects.order_by("code"))
    if not regions:
        raise NotFound("还没有载入任何地区的数据(运行 planwatch demo 或 planwatch load)。")
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
        return Scope(region, _default_year(region, years), regions, years)
    if not year.isdigit() or int(year) not in years:
        raise NotFound(f"{region.name}没有{year}年的计划。")
    return Scope(region, int(year), regions, years)


def _default_year(region: Region, years: list[int]) -> int:
    """The latest plan year with a whole-year value (the year a report can be written for)."""
    annual = ObservationRecord.objects.filter(indicator__region=region, year__in=years)
    with_values = set(annual.exclude(period__contains="-").values_list("year", flat=True))
    return max(with_values) if with_values else years[-1]


def as_of(region: Region, year: int) -> Period | None:
    """The latest month or quarter of ``year`` with a value: in-year evaluation goes up to it.

    ``None`` when the year has no month or quarter values (it is judged on
    whole-year values only).
    """
    periods = ObservationRecord.objects.filter(
        indicator__region=region, year=year, period__contains="-"
    )  # months (2025-07) and quarters (2025-Q3); a whole year is 2025
    found = [Period.parse(p) for p in periods.values_list("period", flat=True).distinct()]
    return max(found, key=lambda p: p.elapsed_share, default=None)


def evaluation(region: Region, year: int) -> YearEvaluation:
    """The year's evaluation, in-year values included up to :func:`as_of`."""
    return evaluate_year(region.code, year, as_of(region, year))


@dataclass(frozen=True)
class Card:
    evaluation: Evaluation
    series: list[tuple[str, float]]


@dataclass(frozen=True)
class Dashboard:
    result: YearEvaluation
    as_of: Period | None
    cards: list[Card]
    counts: list[tuple[Verdict, int]]
    lagging: list[Evaluation]
    updated_at: datetime | None


def dashboard(region: Region, year: int) -> Dashboard:
    """Headline cards, verdict counts, the summary and the lagging items of a plan year."""
    until = as_of(region, year)
    result = evaluate_year(region.code, year, until)
    headline = (
        sorted(
            (e for e in result.evaluations if e.target and e.target.headline),
            key=lambda e: e.target.headline or 0,  # type: ignore[union-attr]
        )
        or result.evaluations[:HEADLINE_FALLBACK]
    )
    series = _series(region, year, [e.indicator.code for e in headline])
    lagging = sorted(
        (e for e in result.evaluations if e.verdict is Verdict.BELOW or e.flagged or _behind(e)),
        key=lambda e: e.attainment if e.attainment is not None else 999.0,
    )
    counts = [(v, result.count(v)) for v in VERDICT_ORDER if result.count(v) or v.is_judged]
    updated = ObservationRecord.objects.filter(indicator__region=region, year=year).aggregate(
        last=Max("updated_at")
    )["last"]
    return Dashboard(
        result=result,
        as_of=until,
        cards=[Card(e, series.get(e.indicator.code, [])) for e in headline],
        counts=counts,
        lagging=lagging,
        updated_at=updated,
    )


def _behind(e: Evaluation) -> bool:
    return e.progress is not None and e.progress.light is Light.RED


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


@dataclass(frozen=True)
class IndicatorYear:
    """One indicator in one region and year: the verdict and the values behind it."""

    region: Region
    year: int
    evaluation: Evaluation


def indicator_years(records: Iterable[IndicatorRecord]) -> list[IndicatorYear]:
    """Evaluate each of ``records`` (one indicator code, any regions) in every plan year.

    Reads every target and whole-year value of those indicators (and of the
    indicators their ``in_step_with`` targets follow) in two queries.
    """
    records = list(records)
    targets = list(
        TargetRecord.objects.filter(indicator__in=records).select_related("indicator", "reference")
    )
    followed = {t.reference_id for t in targets if t.reference_id}
    values: dict[int, list[Observation]] = {}
    for o in (
        ObservationRecord.objects.filter(indicator_id__in={r.id for r in records} | followed)
        .exclude(period__contains="-")
        .select_related("indicator")
        .order_by("updated_at", "id")
    ):
        values.setdefault(o.indicator_id, []).append(o.to_domain())
    by_region = {r.region_id: r for r in records}
    this_year = date.today().year
    found = []
    for target in sorted(targets, key=lambda t: (t.indicator.region_id, t.year)):
        record = by_region[target.indicator.region_id]
        domain = target.to_domain()
        reference = None
        if domain.form is TargetForm.IN_STEP_WITH and target.reference_id:
            reference = annual_observation(
                values.get(target.reference_id, []), domain.reference or "", target.year
            )
        evaluation = evaluate(
            record.to_domain(),
            domain,
            annual_observation(values.get(record.id, []), record.code, target.year),
            reference=reference,
            year_closed=target.year < this_year,
        )
        found.append(IndicatorYear(record.region, target.year, evaluation))
    return found
