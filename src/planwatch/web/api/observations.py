"""Indicator values: list with filters, check, enter, correct, delete, import in bulk."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.observations import Status
from planwatch.web.api.types import Code, Id, Number, Page, Reason, Text, Version, Year
from planwatch.web.editing import history
from planwatch.web.editing import observations as values
from planwatch.web.editing.services import indicator_or_404
from planwatch.web.plan import services as plan
from planwatch.web.plan.models import ObservationRecord

router = Router(tags=["observations"])


class ObservationOut(Schema):
    id: int
    indicator: str = Field(alias="indicator.code")
    indicator_id: int
    period: str
    year: int
    value: float
    status: Status
    cumulative: bool
    source: str
    note: str
    origin: str
    updated_at: str
    version: int

    @staticmethod
    def resolve_updated_at(record: ObservationRecord) -> str:
        return record.updated_at.isoformat()

    @staticmethod
    def resolve_version(record: ObservationRecord) -> int:
        return history.version_of(record)


class FindingOut(Schema):
    code: str
    field: str
    message: str
    severity: str


class EntryIn(Schema):
    period: Text = Field(max_length=10, description="2024, 2024-Q3 or 2024-07")
    value: Number
    status: Status = Status.ACTUAL
    cumulative: bool = False
    unit: Text | None = Field(None, max_length=20, description="checked against the indicator's")
    source: Text = Field("", max_length=200)
    note: Text = Field("", max_length=2000, description="remark; needed for a large jump")
    reason: Reason = ""

    def entry(self) -> values.Entry:
        return values.Entry(**self.model_dump(exclude={"reason", "version"}))


class Correction(EntryIn):
    version: Version


class Recorded(Schema):
    observation: ObservationOut
    warnings: list[FindingOut]


class ObservationFilter(Schema):
    indicator: Code | None = Field(None, description="indicator code")
    year: Year | None = None
    status: Status | None = None


class Removal(Schema):
    version: Version
    reason: Reason


class BulkIn(Schema):
    reason: Reason
    rows: list[tuple[Id, EntryIn]] = Field(max_length=1000)


@router.get("/regions/{code}/observations", response=list[ObservationOut])
@paginate(Page)
def list_observations(request: HttpRequest, code: Code, filters: Query[ObservationFilter]) -> Any:
    records = ObservationRecord.objects.filter(indicator__region=plan.get_region(code))
    if filters.indicator:
        records = records.filter(indicator__code=filters.indicator)
    if filters.year:
        records = records.filter(year=filters.year)
    if filters.status:
        records = records.filter(status=filters.status.value)
    records = records.select_related("indicator").order_by("indicator__position", "period", "id")
    return history.with_versions(records)


@router.post("/indicators/{indicator_id}/checks", response=list[FindingOut])
def check_value(request: HttpRequest, indicator_id: Id, entry: EntryIn) -> Any:
    """Every finding the rules have about a value, without storing it."""
    return values.findings_for(indicator_or_404(indicator_id), entry.entry())


@router.post("/indicators/{indicator_id}/observations", response={201: Recorded})
def enter_value(request: HttpRequest, indicator_id: Id, entry: EntryIn) -> Any:
    return 201, values.record(
        actor=request.user, indicator_id=indicator_id, entry=entry.entry(), reason=entry.reason
    )


@router.put("/observations/{observation_id}", response=Recorded)
def correct_value(request: HttpRequest, observation_id: Id, correction: Correction) -> Any:
    return values.correct(
        actor=request.user,
        observation_id=observation_id,
        entry=correction.entry(),
        version=correction.version,
        reason=correction.reason,
    )


@router.delete("/observations/{observation_id}", response={204: None})
def delete_value(request: HttpRequest, observation_id: Id, removal: Query[Removal]) -> Any:
    values.delete(
        actor=request.user,
        observation_id=observation_id,
        version=removal.version,
        reason=removal.reason,
    )
    return 204, None


@router.post("/imports/observations", response={201: list[Recorded]})
def import_values(request: HttpRequest, bulk: BulkIn) -> Any:
    """Enter many values at once, all or nothing."""
    rows = [(indicator_id, entry.entry()) for indicator_id, entry in bulk.rows]
    return 201, values.import_entries(actor=request.user, rows=rows, reason=bulk.reason)
