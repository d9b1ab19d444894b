"""The city view (/city/): the city office's 晾晒 of its districts, and its Excel export.

A table of verdicts (district × indicator), the ranking of the districts on
one indicator with their change of rank, and each district's government
projects summed; every district links to its own pages. What is judged,
ranked and summed comes from :mod:`planwatch.services.city`; this module
parses the query and lays the rows out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.indicators import Indicator
from planwatch.core.ranking import Ranked
from planwatch.services import city
from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.excel import Sheet
from planwatch.web.plan.models import Region
from planwatch.web.plan.templatetags.planwatch import name_of, verdict_label


@dataclass(frozen=True)
class Place:
    """One row of the ranking: the district, its place and its verdict on the indicator."""

    district: Region
    ranked: Ranked
    evaluation: Evaluation | None


@dataclass(frozen=True)
class Line:
    """One row of the verdict table: an indicator and its evaluation in each district."""

    indicator: Indicator
    cells: list[Evaluation | None]


@dataclass(frozen=True)
class Tally:
    """How many indicators of each district have one verdict: the foot of the verdict table."""

    verdict: Verdict
    counts: list[int]


TALLIED = (Verdict.ABOVE, Verdict.MET, Verdict.BELOW, Verdict.NOT_REPORTED)


@reader
def city_page(request: HttpRequest) -> HttpResponse:
    view, ranking = _read(request)
    places = _places(view, ranking)
    if excel.wanted(request):
        return excel.response(ranking_sheet(view, ranking, places))
    lines = [Line(i, [view.cell(d.code, i.code) for d in view.districts]) for i in view.indicators]
    tallies = [
        Tally(
            v,
            [
                sum(1 for e in view.evaluations[d.code].values() if e.verdict is v)
                for d in view.districts
            ],
        )
        for v in TALLIED
    ]
    context = {
        "tallies": tallies,
        "view": view,
        "ranking": ranking,
        "places": places,
        "lines": lines,
        "projects": city.district_projects(view),
    }
    return render(request, "plan/city.html", context)


def _read(request: HttpRequest) -> tuple[city.CityYear, city.IndicatorRanking]:
    query = request.GET
    region = city.city(query.get("city"), actor=request.user)
    year = query.get("year") or None
    if year is not None and not year.isdigit():
        raise NotFound(f"没有{year}年的计划。")
    view = city.city_year(region, int(year) if year else None, as_of=query.get("as_of") or None)
    if not view.indicators:
        raise NotFound(f"{region.name}的区县{view.year}年没有指标。")
    return view, view.ranking(query.get("indicator") or view.indicators[0].code)


def _places(view: city.CityYear, ranking: city.IndicatorRanking) -> list[Place]:
    districts = {d.code: d for d in view.districts}
    code = ranking.indicator.code
    return [Place(districts[r.key], r, view.cell(r.key, code)) for r in ranking.rows]


def ranking_sheet(
    view: city.CityYear, ranking: city.IndicatorRanking, places: list[Place]
) -> Sheet:
    """The ranking as the city office publishes it: rank, district, value and change of rank."""
    indicator = ranking.indicator
    title = _("%(city)s %(year)s ranking of districts: %(indicator)s, as of %(period)s") % {
        "city": view.city.name,
        "year": view.year,
        "indicator": name_of(indicator),
        "period": view.as_of.period,
    }
    headers = [
        _("Rank"), _("District"), _("Value"), _("Unit"), _("Target"), _("Verdict"),
        _("Previous rank"), _("Change of rank"),
    ]  # fmt: skip
    rows = [
        [
            p.ranked.rank,
            p.district.name,
            p.ranked.value,
            indicator.unit,
            p.evaluation.target.text if p.evaluation and p.evaluation.target else None,
            verdict_label(p.evaluation.verdict) if p.evaluation else None,
            p.ranked.previous_rank,
            p.ranked.change,
        ]
        for p in places
    ]
    return Sheet(title, headers, rows)
