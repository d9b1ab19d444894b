"""Reporting periods (open, close, list) and what each department owes in the open ones."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import File, Query, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field

from planwatch.web.api.types import Code, Day, Text
from planwatch.web.downloads import attachment
from planwatch.web.excel import XLSX
from planwatch.web.submissions import imports, periods

router = Router(tags=["periods"])


class PeriodOut(Schema):
    id: int
    region: str = Field(alias="region.code")
    period: str
    due: date
    is_open: bool
    opened_by: str = Field(alias="opened_by.username")
    opened_at: datetime
    closed_by: str | None = Field(None, alias="closed_by.username")
    closed_at: datetime | None


class OpenIn(Schema):
    region: Code
    period: Text = Field(max_length=10, description="2025-06, 2025-Q3 or 2025")
    due: Day


class CloseIn(Schema):
    region: Code
    period: Text = Field(max_length=10)


class ObligationOut(Schema):
    region: str = Field(alias="period.region.code")
    period: str = Field(alias="period.period")
    due: date = Field(alias="period.due")
    department: str
    indicator: str = Field(alias="indicator.code")
    indicator_id: int = Field(alias="indicator.id")
    indicator_name: str = Field(alias="indicator.name")
    state: periods.Owed
    submission_id: int | None = Field(None, alias="submission.id")
    overdue: bool


class ObligationFilter(Schema):
    region: Code | None = None
    department: Text | None = Field(None, max_length=100)
    today: Day | None = Field(None, description="judge overdue as of this day")


@router.get("/periods", response=list[PeriodOut])
def list_periods(request: HttpRequest, region: Code | None = None) -> Any:
    return periods.periods(actor=request.user, region_code=region)


@router.post("/periods", response={201: PeriodOut})
def open_period(request: HttpRequest, body: OpenIn) -> Any:
    """Open a period (or reopen a closed one) until ``due`` (plan office)."""
    return 201, periods.open_period(
        actor=request.user, region_code=body.region, period=body.period, due=body.due
    )


@router.post("/periods/close", response=PeriodOut)
def close_period(request: HttpRequest, body: CloseIn) -> Any:
    return periods.close_period(actor=request.user, region_code=body.region, period=body.period)


@router.get("/obligations", response=list[ObligationOut])
def obligations(request: HttpRequest, filters: Query[ObligationFilter]) -> Any:
    """Every value owed in the open periods (a clerk: its department's), with overdue flagged."""
    return periods.obligations(
        actor=request.user,
        region_code=filters.region,
        department=filters.department,
        today=filters.today,
    )


class ImportedOut(Schema):
    region: str
    submitted: int = Field(description="values saved and sent for review")


@router.get(
    "/periods/{region}/{period}/workbook",
    response={200: None},
    openapi_extra={"responses": {200: {"content": {XLSX: {}}, "description": "the workbook"}}},
)
def workbook(request: HttpRequest, region: Code, period: Text, department: Text) -> Any:
    """The pre-filled workbook of what ``department`` owes in an open period."""
    content = imports.export_workbook(
        actor=request.user, region_code=region, period=period, department=department
    )
    return attachment(content, XLSX, f"{department}-{period}.xlsx")


@router.post("/imports/submissions", response={201: ImportedOut})
def import_workbook(request: HttpRequest, workbook: File[UploadedFile]) -> Any:
    """Submit a filled workbook: every row, or nothing and a 422 listing every bad cell."""
    done = imports.import_workbook(actor=request.user, stream=workbook, name=workbook.name or "")
    return 201, done
