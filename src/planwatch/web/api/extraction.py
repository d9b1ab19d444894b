"""Report text in, quantitative statements out (the extractor, nothing stored)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from planwatch.extract import extract_statements
from planwatch.web.api.types import Text

router = Router(tags=["extraction"])


class ReportIn(Schema):
    text: Text = Field(max_length=500_000, description="the report as plain text")


class StatementOut(Schema):
    line: int
    quote: str
    subject: str
    measure: str
    value: float | None
    unit: str | None
    qualifier: str
    period: str
    status: str
    cumulative: bool
    section: str
    text_target: str | None
    upper: float | None


class StatementsOut(Schema):
    count: int
    statements: list[StatementOut]


@router.post("/extract", response=StatementsOut)
def extract(request: HttpRequest, report: ReportIn) -> Any:
    """Every quantitative statement of the text, with its line and quote."""
    statements = [s.to_dict() for s in extract_statements(report.text)]
    return {"count": len(statements), "statements": statements}
