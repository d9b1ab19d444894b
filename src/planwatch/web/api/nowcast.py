"""In-year monitoring: year-to-date, pace needed, nowcast and risk tier; early warnings."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from planwatch.core.observations import Period
from planwatch.services.nowcast import nowcast_year, raise_early_warnings
from planwatch.web.api.types import Code, Year

router = Router(tags=["nowcast"])

AsOf = Annotated[
    str,
    Field(
        pattern=r"^(19[5-9]\d|2[01]\d\d)-(0[1-9]|1[0-2]|Q[1-4])$",
        examples=["2025-10"],
        description="a month or quarter of the year (default: the latest with data)",
    ),
]


class AssessmentOut(Schema):
    indicator: str
    name: str
    binding: str
    unit: str
    period: str | None = Field(description="the period of the year-to-date value")
    ytd: float | None
    source: str | None
    goal: float | None = Field(description="the target's number the pace is computed towards")
    method: str
    pace: float | None = Field(description="what the rest of the year needs")
    pace_kind: str | None = Field(description="growth (%) or amount (the indicator's unit)")
    nowcast: float | None
    low: float | None
    high: float | None
    tier: str
    tier_zh: str
    rule: str


class NowcastOut(Schema):
    region: str
    year: int
    as_of: str
    counts: dict[str, int]
    warnings: list[str] = Field(description="binding indicators judged 难以完成")
    assessments: list[AssessmentOut] = Field(description="难以完成 first")


class RaisedOut(Schema):
    as_of: str
    raised: list[str] = Field(description="codes of the problems reported now (none if already)")


@router.get("/regions/{code}/nowcast/{year}", response=NowcastOut)
def get_nowcast(request: HttpRequest, code: Code, year: Year, as_of: AsOf | None = None) -> Any:
    result = nowcast_year(code, year, None if as_of is None else Period.parse(as_of))
    return {
        "region": code,
        "year": year,
        "as_of": str(result.as_of),
        "counts": {a.tier.value: result.count(a.tier) for a in result.assessments},
        "warnings": [a.indicator.code for a in result.warnings],
        "assessments": [a.as_record() for a in result.ranked()],
    }


@router.post("/regions/{code}/nowcast/{year}/warnings", response=RaisedOut)
def post_warnings(request: HttpRequest, code: Code, year: Year, as_of: AsOf | None = None) -> Any:
    period = nowcast_year(code, year).as_of if as_of is None else Period.parse(as_of)
    raised = raise_early_warnings(actor=request.user, region=code, year=year, as_of=period)
    return {"as_of": str(period), "raised": [p.code for p in raised]}
