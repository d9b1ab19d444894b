"""The engine's evaluation of a region's plan year as of a period, with the summary paragraph."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from planwatch.core.evaluation import Verdict
from planwatch.services.evaluation import evaluate
from planwatch.web.api.types import AsOf, Code, Year

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
    period: str | None
    progress: float | None
    expected_progress: float | None
    progress_light: str | None


class EvaluationQuery(Schema):
    as_of: AsOf | None = None


class YearOut(Schema):
    region: str
    year: int
    as_of: str
    as_of_rule: str
    summary: str
    counts: dict[Verdict, int]
    evaluations: list[EvaluationOut]


@router.get("/regions/{code}/evaluations/{year}", response=YearOut)
def evaluate_year(
    request: HttpRequest, code: Code, year: Year, query: Query[EvaluationQuery]
) -> Any:
    """Every indicator judged as of ``?as_of=`` (default: the rule every surface uses)."""
    result = evaluate(code, year, as_of=query.as_of)
    return {
        "region": code,
        "year": year,
        "as_of": str(result.as_of),
        "as_of_rule": result.as_of.rule.value,
        "summary": result.summary,
        "counts": {verdict: result.count(verdict) for verdict in Verdict},
        "evaluations": [e.as_record() for e in result.evaluations],
    }
