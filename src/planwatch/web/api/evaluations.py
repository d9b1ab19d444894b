"""The engine's evaluation of a region's plan year, with the summary paragraph."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from planwatch.core.evaluation import Verdict
from planwatch.web.api.types import Code, Year
from planwatch.web.plan import services

router = Router(tags=["evaluations"])


class EvaluationOut(Schema):
    indicator: str
    name: str
    binding: str
    unit: str
    target: str | None
    target_form: str | None
    target_source: str | None
    actual: float | None
    status: str | None
    source: str | None
    attainment: float | None
    gap: float | None
    verdict: Verdict
    verdict_zh: str
    flagged: bool
    rule: str


class YearOut(Schema):
    region: str
    year: int
    summary: str
    counts: dict[Verdict, int]
    evaluations: list[EvaluationOut]


@router.get("/regions/{code}/evaluations/{year}", response=YearOut)
def evaluate_year(request: HttpRequest, code: Code, year: Year) -> Any:
    result = services.evaluate_year(code, year)
    return {
        "region": code,
        "year": year,
        "summary": result.summary,
        "counts": {verdict: result.count(verdict) for verdict in Verdict},
        "evaluations": [e.as_record() for e in result.evaluations],
    }
