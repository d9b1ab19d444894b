"""Indicator values: list with filters, check; a change is a correction for review.

A value reaches the plan only through submission → review → approval
(:mod:`planwatch.services.values`). Writing one here directly is refused with
the way to go; ``PUT`` files a correction with a reason, reviewed like any
submission.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.observations import Status
from planwatch.services import value_checks, values
from planwatch.web.api.submissions import SubmissionOut
from planwatch.web.api.types import Code, Id, Number, Page, Reason, Text, Version, Year
from planwatch.web.editing import history
from planwatch.web.editing.services import indicator_or_404
from planwatch.web.errors import Forbidden
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
    unit: Text | None = Field(None, max_length=20, description="checked against the indicator's")
    note: Text = Field("", max_length=2000, description="remark; needed for an unusual value")

    def entry(self) -> values.Entry:
        return values.Entry(self.period, self.value, self.status, self.note, self.unit)


class Correction(EntryIn):
    version: Version
    reason: Reason


class ObservationFilter(Schema):
    indicator: Code | None = Field(None, description="indicator code")
    year: Year | None = None
    status: Status | None = None


@router.get("/regions/{code}/observations", response=list[ObservationOut])
@paginate(Page)
def list_observations(request: HttpRequest, code: Code, filters: Query[ObservationFilter]) -> Any:
    """The current values (one per indicator, period and status)."""
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
    """Every finding the checks of a submission have about a value, without storing it."""
    return value_checks.findings(indicator_or_404(indicator_id), entry.entry())


@router.post("/indicators/{indicator_id}/observations", deprecated=True)
def enter_value(request: HttpRequest, indicator_id: Id) -> Any:
    """Refused (403): a value is submitted for review, ``POST /api/indicators/{id}/submissions``."""
    path = f"POST /api/indicators/{indicator_id}/submissions"
    raise Forbidden(
        _("Values reach the plan only through submission and review: use %(path)s.")
        % {"path": path}
    )


@router.put("/observations/{observation_id}", response={202: SubmissionOut})
def correct_value(request: HttpRequest, observation_id: Id, correction: Correction) -> Any:
    """File a correction of the value (same period and status, a reason) for review; the
    value stays current until the correction is approved."""
    return 202, values.correct_value(
        actor=request.user,
        observation_id=observation_id,
        entry=correction.entry(),
        reason=correction.reason,
        version=correction.version,
    )


@router.delete("/observations/{observation_id}", deprecated=True)
def delete_value(request: HttpRequest, observation_id: Id) -> Any:
    """Refused (403): a published value is corrected (``PUT``, a reason, reviewed), not deleted."""
    raise Forbidden(
        _("A published value is not deleted; correct it with a reason, for review: %(path)s.")
        % {"path": f"PUT /api/observations/{observation_id}"}
    )


@router.post("/imports/observations", deprecated=True)
def import_values(request: HttpRequest) -> Any:
    """Refused (403): values in bulk are a workbook, ``POST /api/imports/submissions``."""
    raise Forbidden(
        _("Values reach the plan only through submission and review: use %(path)s.")
        % {"path": "POST /api/imports/submissions"}
    )
