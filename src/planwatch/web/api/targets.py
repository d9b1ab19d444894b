"""Targets of the plan: list a region's targets, set or remove one (plan office)."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.targets import TargetForm
from planwatch.web.api.types import Code, Id, Number, Page, Reason, Text, Version, Year
from planwatch.web.editing import history, services
from planwatch.web.plan import services as plan
from planwatch.web.plan.models import TargetRecord

router = Router(tags=["targets"])


class TargetOut(Schema):
    id: int
    indicator: str = Field(alias="indicator.code")
    indicator_id: int
    year: int
    form: TargetForm
    text: str
    value: float | None
    upper: float | None
    reference: str | None = Field(None, alias="reference.code")
    tolerance: float | None
    source: str
    version: int

    @staticmethod
    def resolve_version(record: TargetRecord) -> int:
        return history.version_of(record)


class TargetIn(Schema):
    version: Version | None = Field(None, description="the version read; omit to create")
    reason: Reason = ""
    form: TargetForm
    text: Text = Field(min_length=1, max_length=100, description="as the plan writes it")
    value: Number | None = None
    upper: Number | None = None
    reference: Text | None = Field(None, max_length=60, description="indicator code")
    tolerance: Annotated[Number, Field(ge=0)] | None = None
    source: Text = Field("", max_length=200)


class Removal(Schema):
    version: Version
    reason: Reason


@router.get("/regions/{code}/targets", response=list[TargetOut])
@paginate(Page)
def list_targets(request: HttpRequest, code: Code, year: Year | None = None) -> Any:
    records = TargetRecord.objects.filter(indicator__region=plan.get_region(code))
    if year is not None:
        records = records.filter(year=year)
    records = records.select_related("indicator", "reference")
    return history.with_versions(records.order_by("year", "indicator__position"))


@router.put("/indicators/{indicator_id}/targets/{year}", response=TargetOut)
def set_target(request: HttpRequest, indicator_id: Id, year: Year, target: TargetIn) -> Any:
    return services.save_target(
        actor=request.user,
        indicator_id=indicator_id,
        year=year,
        fields=target.model_dump(exclude={"version", "reason"}),
        version=target.version,
        reason=target.reason,
    )


@router.delete("/targets/{target_id}", response={204: None})
def delete_target(request: HttpRequest, target_id: Id, removal: Query[Removal]) -> Any:
    services.delete_target(
        actor=request.user, target_id=target_id, version=removal.version, reason=removal.reason
    )
    return 204, None
