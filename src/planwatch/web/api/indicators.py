"""Indicators of a region: list, filter, read, change (plan office)."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.indicators import Binding, Direction, Kind
from planwatch.web.api.types import Code, Id, Justification, Number, Page, Text, Version
from planwatch.web.editing import history, services
from planwatch.web.plan import services as plan
from planwatch.web.plan.models import IndicatorRecord

router = Router(tags=["indicators"])


class IndicatorOut(Schema):
    id: int
    region: str = Field(alias="region.code")
    code: str
    name: str
    name_en: str
    aliases: list[str]
    unit: str
    kind: Kind
    direction: Direction
    binding: Binding
    group: str
    owner: str
    tolerance: float | None
    flag_below: float | None
    position: int
    version: int

    @staticmethod
    def resolve_aliases(record: IndicatorRecord) -> list[str]:
        return [a for a in record.aliases.split("|") if a]

    @staticmethod
    def resolve_version(record: IndicatorRecord) -> int:
        return history.version_of(record)


class IndicatorFilter(Schema):
    binding: Binding | None = None
    owner: Text | None = Field(None, max_length=100, description="responsible department")
    q: Text | None = Field(None, max_length=100, description="part of the name or code")


class IndicatorChange(Schema):
    """The fields to change; one left out stays. Only the thresholds may be set to null
    (none); a null name, unit or list is bad input, not a blank."""

    version: Version
    reason: Justification
    name: Text = Field(None, min_length=1, max_length=100)  # type: ignore[assignment]
    name_en: Text = Field(None, max_length=200)  # type: ignore[assignment]
    aliases: list[Text] = Field(None)  # type: ignore[assignment]
    unit: Text = Field(None, min_length=1, max_length=20)  # type: ignore[assignment]
    kind: Kind = Field(None)  # type: ignore[assignment]
    direction: Direction = Field(None)  # type: ignore[assignment]
    binding: Binding = Field(None)  # type: ignore[assignment]
    group: Text = Field(None, max_length=100)  # type: ignore[assignment]
    owner: Text = Field(None, max_length=100)  # type: ignore[assignment]
    tolerance: Annotated[Number, Field(ge=0)] | None = None
    flag_below: Annotated[Number, Field(ge=0, le=1000)] | None = None


@router.get("/regions/{code}/indicators", response=list[IndicatorOut])
@paginate(Page)
def list_indicators(request: HttpRequest, code: Code, filters: Query[IndicatorFilter]) -> Any:
    records = IndicatorRecord.objects.filter(region=plan.get_region(code)).select_related("region")
    if filters.binding:
        records = records.filter(binding=filters.binding.value)
    if filters.owner:
        records = records.filter(owner=filters.owner)
    if filters.q:
        records = records.filter(name__contains=filters.q) | records.filter(code=filters.q)
    return history.with_versions(records.order_by("position"))


@router.get("/indicators/{indicator_id}", response=IndicatorOut)
def get_indicator(request: HttpRequest, indicator_id: Id) -> IndicatorRecord:
    return services.indicator_or_404(indicator_id)


@router.patch("/indicators/{indicator_id}", response=IndicatorOut)
def change_indicator(
    request: HttpRequest, indicator_id: Id, change: IndicatorChange
) -> IndicatorRecord:
    fields = change.model_dump(exclude_unset=True, exclude={"version", "reason"})
    return services.update_indicator(
        actor=request.user,
        indicator_id=indicator_id,
        changes=fields,
        version=change.version,
        reason=change.reason,
    )
