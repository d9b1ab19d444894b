"""The city view over the API: a city's districts judged side by side, and ranked on one
indicator (the 晾晒). For the city's users and the unscoped; a district's users get 403."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from planwatch.core.evaluation import Verdict
from planwatch.services import city
from planwatch.web.api.types import AsOf, Code, Year

router = Router(tags=["city"])


class CityQuery(Schema):
    as_of: AsOf | None = None


class RankingQuery(CityQuery):
    indicator: Code


class DistrictOut(Schema):
    code: str
    name: str


class PlaceOut(Schema):
    district: str
    name: str
    value: float | None
    rank: int | None
    previous_rank: int | None
    change: int | None  # places moved up since the previous period (negative: down)
    verdict: Verdict | None


class RankingOut(Schema):
    city: str
    year: int
    as_of: str
    as_of_rule: str
    previous: str | None
    indicator: str
    name: str
    unit: str
    direction: str
    places: list[PlaceOut]


class CellOut(Schema):
    district: str
    indicator: str
    verdict: Verdict
    verdict_zh: str
    actual: float | None
    attainment: float | None


class ProjectsOut(Schema):
    district: str
    count: int
    total: float
    annual_plan: float
    completed: float
    lagging: int
    not_reported: int


class TableOut(Schema):
    city: str
    year: int
    as_of: str
    as_of_rule: str
    districts: list[DistrictOut]
    indicators: list[str]
    cells: list[CellOut]
    projects: list[ProjectsOut]


def _view(request: HttpRequest, code: str, year: int, as_of: str | None) -> city.CityYear:
    return city.city_year(city.city(code, actor=request.user), year, as_of=as_of)


@router.get("/regions/{code}/ranking/{year}", response=RankingOut)
def city_ranking(request: HttpRequest, code: Code, year: Year, query: Query[RankingQuery]) -> Any:
    """The city's districts ranked on ``?indicator=`` as of ``?as_of=`` (default: the latest
    month any district reached), with each one's change of rank since a quarter before."""
    view = _view(request, code, year, query.as_of)
    ranking = view.ranking(query.indicator)
    names = {d.code: d.name for d in view.districts}
    places = []
    for r in ranking.rows:
        e = view.cell(r.key, ranking.indicator.code)
        places.append(
            {
                "district": r.key,
                "name": names[r.key],
                "value": r.value,
                "rank": r.rank,
                "previous_rank": r.previous_rank,
                "change": r.change,
                "verdict": e.verdict if e else None,
            }
        )
    return {
        **_when(view),
        "previous": str(view.previous) if view.previous else None,
        "indicator": ranking.indicator.code,
        "name": ranking.indicator.name,
        "unit": ranking.indicator.unit,
        "direction": ranking.indicator.direction.value,
        "places": places,
    }


@router.get("/regions/{code}/districts/{year}", response=TableOut)
def city_table(request: HttpRequest, code: Code, year: Year, query: Query[CityQuery]) -> Any:
    """Every district's verdict on every indicator, and its government projects summed."""
    view = _view(request, code, year, query.as_of)
    cells = [
        {
            "district": district,
            "indicator": indicator,
            "verdict": e.verdict,
            "verdict_zh": e.verdict.label_zh,
            "actual": e.actual,
            "attainment": e.attainment,
        }
        for district, judged in view.evaluations.items()
        for indicator, e in judged.items()
    ]
    projects = [
        {
            "district": p.region.code,
            "count": p.count,
            "total": float(p.total),
            "annual_plan": float(p.annual_plan),
            "completed": float(p.completed),
            "lagging": p.lagging,
            "not_reported": p.not_reported,
        }
        for p in city.district_projects(view)
    ]
    return {
        **_when(view),
        "districts": [{"code": d.code, "name": d.name} for d in view.districts],
        "indicators": [i.code for i in view.indicators],
        "cells": cells,
        "projects": projects,
    }


def _when(view: city.CityYear) -> dict[str, Any]:
    return {
        "city": view.city.code,
        "year": view.year,
        "as_of": str(view.as_of.period),
        "as_of_rule": view.as_of.rule.value,
    }
