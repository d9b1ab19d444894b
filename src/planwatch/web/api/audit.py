"""The audit log, filterable, as JSON or exported as CSV / Excel (plan office only)."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from planwatch.web.api.types import Id, Instant, Text
from planwatch.web.downloads import attachment
from planwatch.web.editing import audit

router = Router(tags=["audit"])
EXPORT_LIMIT = 100_000


class FieldChange(Schema):
    field: str
    old: Any
    new: Any


class ChangeOut(Schema):
    when: datetime
    who: str
    what: str
    object_id: int
    object: str
    action: str
    fields: list[FieldChange]
    why: str

    @staticmethod
    def resolve_fields(change: audit.Change) -> list[dict[str, Any]]:
        return [{"field": f, "old": _json(a), "new": _json(b)} for f, a, b in change.fields]


class AuditFilter(Schema):
    what: Text | None = Field(None, max_length=40, description="indicator, target, observation…")
    who: Text | None = Field(None, max_length=150, description="username")
    object_id: Id | None = None
    since: Instant | None = None
    until: Instant | None = None

    def filters(self) -> audit.Filters:
        return audit.Filters(**self.model_dump())


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@router.get("/audit", response=list[ChangeOut])
def audit_log(
    request: HttpRequest,
    filters: Query[AuditFilter],
    limit: Annotated[int, Field(ge=1, le=500)] = 100,
    offset: Annotated[int, Field(ge=0, le=10**6)] = 0,
) -> Any:
    return audit.log(actor=request.user, filters=filters.filters(), limit=limit, offset=offset)


_FILE = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/audit/export",
    openapi_extra={
        "responses": {
            200: {
                "description": "the log as a file",
                "content": {"text/csv": _FILE, audit.XLSX: _FILE},
            }
        }
    },
)
def export_audit_log(request: HttpRequest, filters: Query[AuditFilter], format: Format) -> Any:
    changes = audit.log(actor=request.user, filters=filters.filters(), limit=EXPORT_LIMIT)
    name = f"planwatch-audit.{format.value}"
    if format is Format.CSV:
        return attachment(audit.to_csv(changes), "text/csv; charset=utf-8", name)
    return attachment(audit.to_xlsx(changes), audit.XLSX, name)


def _json(value: Any) -> Any:
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)
