"""The city view: every district of a city judged, ranked and summed for one year and period.

A city (重庆市) holds no plan of its own; its districts do. Each district's
plan year is judged by the one engine (:func:`planwatch.core.plan.evaluate_plan`)
on the same :class:`~planwatch.core.plan.PlanYear` that
:func:`planwatch.services.evaluation.evaluate` builds, so a cell of the city
table says what the district's own dashboard says as of the same period. All
districts are judged as of one period (asked for, else
:func:`planwatch.core.ranking.common_as_of`), read in a fixed number of queries
whatever the number of districts. Ranking rules live in :mod:`planwatch.core.ranking`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from planwatch.core.as_of import AsOf, AsOfRule, end_month
from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.indicators import Indicator
from planwatch.core.observations import Observation, Period
from planwatch.core.plan import PlanYear, evaluate_plan
from planwatch.core.ranking import Ranked, common_as_of, previous_period, ranking
from planwatch.core.targets import Target
from planwatch.services.evaluation import as_of_period, default_periods, parse_as_of
from planwatch.web.accounts.roles import region_of, regions_of, require
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord
from planwatch.web.projects import judged


@dataclass(frozen=True)
class IndicatorRanking:
    """The districts on one indicator, best first; ``previous`` is the period ranks changed
    from (``None`` when no district had a value then: nothing to compare with)."""

    indicator: Indicator
    rows: list[Ranked]  # keyed by district code
    previous: Period | None


@dataclass(frozen=True)
class CityYear:
    """A city's districts judged as of one period; ``evaluations[district][indicator]``."""

    city: Region
    year: int
    years: list[int]
    as_of: AsOf
    previous: Period | None
    districts: list[Region]
    indicators: list[Indicator]
    evaluations: dict[str, dict[str, Evaluation]]
    before: dict[str, dict[str, Evaluation]]  # as of ``previous`` (empty without one)

    def cell(self, district: str, indicator: str) -> Evaluation | None:
        return self.evaluations.get(district, {}).get(indicator)

    @property
    def month(self) -> Period:
        """The month whose end the districts' projects are judged at (a quarter's last)."""
        return Period(self.year, month=end_month(self.as_of.period))

    def ranking(self, code: str) -> IndicatorRanking:
        """The districts ranked on ``code``'s value as of the period, with their change of rank
        since the previous one; a district that has not reported the period is not ranked."""
        indicator = next((i for i in self.indicators if i.code == code), None)
        if indicator is None:
            raise NotFound(f"{self.city.name}的区县没有指标 {code!r}。")
        keys = [d.code for d in self.districts]
        now = {d: _rankable(self.evaluations[d].get(code)) for d in keys}
        before = {d: _rankable(self.before.get(d, {}).get(code)) for d in keys}
        ranked_before = any(v is not None for v in before.values())
        rows = ranking(keys, now, indicator.direction, before if ranked_before else None)
        return IndicatorRanking(indicator, rows, self.previous if ranked_before else None)


@dataclass(frozen=True)
class DistrictProjects:
    """A district's government projects of the year at the end of the city's month (万元)."""

    region: Region
    count: int
    total: Decimal
    annual_plan: Decimal
    completed: Decimal
    lagging: int
    not_reported: int

    @property
    def completion(self) -> Decimal | None:
        """Completed as a percent of the annual plan; ``None`` without a plan."""
        return self.completed * 100 / self.annual_plan if self.annual_plan else None


def city(code: str | None = None, *, actor: Any = None) -> Region:
    """The city ``code`` (default: the actor's own city, else the first city by code).

    ``Forbidden`` for a district's user (the city view is the city office's); ``NotFound``
    for an unknown code or a region without districts.
    """
    seen = None if actor is None else regions_of(actor)
    cities = Region.objects.filter(children__isnull=False).distinct().order_by("code")
    if seen is not None:
        own = region_of(actor)
        require(cities.filter(pk=own).exists(), "城市视图只对市级用户开放;区县用户只能查看本区县。")
        require(code in (None, "") or cities.filter(pk=own, code=code).exists(), "只能查看本市。")
        cities = cities.filter(pk=own)
    found = cities.filter(code=code).first() if code else cities.first()
    if found is None:
        raise NotFound(f"没有市 {code!r}。" if code else "还没有载入任何市及其区县。")
    return found


def city_year(
    city: Region, year: int | None = None, *, as_of: Period | str | None = None
) -> CityYear:
    """``city``'s districts judged for ``year`` (default: ``as_of``'s, else the latest year with
    values) as of ``as_of`` (default: :func:`~planwatch.core.ranking.common_as_of`), in a
    fixed number of queries. ``NotFound`` for a year no district plans, ``InvalidValue`` for
    an as-of period outside the year."""
    districts = list(city.children.order_by("code"))
    if not districts:
        raise NotFound(f"{city.name}没有区县。")
    planned = TargetRecord.objects.filter(indicator__region__in=districts)
    years = sorted(set(planned.values_list("year", flat=True)))
    if not years:
        raise NotFound(f"{city.name}的区县还没有计划目标。")
    if year is None and as_of:
        year = as_of_period(as_of).year
    given = parse_as_of(as_of, year) if year is not None else None
    if year is None:
        year = _default_year(districts, years)
    elif year not in years:
        raise NotFound(f"{city.name}的区县没有{year}年的计划。")
    chosen = AsOf(given, AsOfRule.GIVEN) if given else _default_as_of(districts, year)
    previous = previous_period(chosen.period)
    plans = _plans(districts, {year} | ({previous.year} if previous else set()))
    evaluations = {d.code: _judged(plans.get((d.pk, year)), chosen.period) for d in districts}
    before = {}
    if previous is not None:
        before = {d.code: _judged(plans.get((d.pk, previous.year)), previous) for d in districts}
    indicators = _columns([p.indicators for (_, y), p in plans.items() if y == year])
    return CityYear(city, year, years, chosen, previous, districts, indicators, evaluations, before)


def district_projects(view: CityYear) -> list[DistrictProjects]:
    """Each district's government projects summed at the end of the view's month: investment
    planned and completed, lagging and 未报 counts, from the month-end judgement its own
    dashboard shows (:mod:`planwatch.web.projects.judged`)."""
    statuses = judged.months(view.districts, view.month)
    rows = []
    for district in view.districts:
        shown = [s for s in statuses[district.pk].values() if s.project.government]
        rows.append(
            DistrictProjects(
                region=district,
                count=len(shown),
                total=sum((s.project.total for s in shown), Decimal(0)),
                annual_plan=sum((s.project.annual_plan for s in shown), Decimal(0)),
                completed=sum((s.completed for s in shown), Decimal(0)),
                lagging=sum(1 for s in shown if s.lagging),
                not_reported=sum(1 for s in shown if s.not_reported),
            )
        )
    return rows


def _rankable(e: Evaluation | None) -> float | None:
    """The value standing for the period (an in-year cumulative one too, before any verdict);
    none for 未报: an older figure is never ranked against this period's."""
    return None if e is None or e.verdict is Verdict.NOT_REPORTED else e.actual


def _judged(plan: PlanYear | None, period: Period) -> dict[str, Evaluation]:
    if plan is None or not plan.targets:
        return {}
    return {e.indicator.code: e for e in evaluate_plan(plan, period)}


def _default_year(districts: list[Region], years: list[int]) -> int:
    """The latest plan year up to this one holding any value (as a dashboard opens on)."""
    held = ObservationRecord.objects.filter(
        indicator__region__in=districts, year__in=[y for y in years if y <= date.today().year]
    )
    with_values = set(held.values_list("year", flat=True).distinct())
    return max(with_values) if with_values else years[-1]


def _default_as_of(districts: list[Region], year: int) -> AsOf:
    found = default_periods({d.pk for d in districts}, {year})
    return common_as_of((found[(d.pk, year)] for d in districts if (d.pk, year) in found), year)


def _plans(districts: list[Region], years: set[int]) -> dict[tuple[int, int], PlanYear]:
    """Each district's plan year for each of ``years``, built as
    :func:`planwatch.services.evaluation.plan_year` builds one, in three queries."""
    indicators: dict[int, list[Indicator]] = {}
    for record in IndicatorRecord.objects.filter(region__in=districts).order_by("position"):
        indicators.setdefault(record.region_id, []).append(record.to_domain())
    targets: dict[tuple[int, int], list[Target]] = {}
    for t in TargetRecord.objects.filter(
        indicator__region__in=districts, year__in=years
    ).select_related("indicator", "reference"):
        targets.setdefault((t.indicator.region_id, t.year), []).append(t.to_domain())
    values: dict[tuple[int, int], list[Observation]] = {}
    for o in (
        ObservationRecord.objects.filter(indicator__region__in=districts, year__in=years)
        .select_related("indicator")
        .order_by("updated_at", "id")
    ):
        values.setdefault((o.indicator.region_id, o.year), []).append(o.to_domain())
    codes = {d.pk: d.code for d in districts}
    this_year = date.today().year
    return {
        (pk, year): PlanYear(
            region=codes[pk],
            year=year,
            indicators=indicators.get(pk, []),
            targets=targets.get((pk, year), []),
            observations=values.get((pk, year), []),
            year_closed=year < this_year,
        )
        for pk in codes
        for year in years
    }


def _columns(catalogs: list[list[Indicator]]) -> list[Indicator]:
    """Every indicator any district plans, in the first catalog's order, then the others'."""
    seen: dict[str, Indicator] = {}
    for catalog in catalogs:
        for indicator in catalog:
            seen.setdefault(indicator.code, indicator)
    return list(seen.values())
