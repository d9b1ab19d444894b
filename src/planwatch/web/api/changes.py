"""What changed: each indicator's 环比 and the values new since a moment."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from planwatch.core.changes import change_words
from planwatch.core.observations import Period
from planwatch.services.changes import changes
from planwatch.web.api.nowcast import AsOf
from planwatch.web.api.types import Code, Year

router = Router(tags=["changes"])
Since = Annotated[
    datetime | None,
    Field(description="new since this moment (default: the last closed period's closing)"),
]


class ChangeOut(Schema):
    indicator: str
    unit: str
    period: str = Field(description="the latest in-year period up to as_of")
    value: float
    previous_period: str | None = Field(description="the period before (none for the first)")
    previous: float | None
    change: float | None = Field(description="value − previous, in the unit (% : points)")
    way: str | None = Field(description="up, down or same")
    better: bool | None = Field(description="whether the change helps, by the direction")
    words: str
    words_en: str


class NewValueOut(Schema):
    indicator: str
    period: str
    value: float
    status: str
    updated_at: datetime


class ChangesOut(Schema):
    region: str
    year: int
    since: datetime | None = Field(description="values stored after this are new")
    changes: list[ChangeOut]
    new: list[NewValueOut] = Field(description="the latest first")


@router.get("/regions/{code}/changes/{year}", response=ChangesOut)
def get_changes(
    request: HttpRequest,
    code: Code,
    year: Year,
    as_of: AsOf | None = None,
    since: Since = None,
) -> Any:
    found = changes(
        actor=request.user,
        region_code=code,
        year=year,
        as_of=None if as_of is None else Period.parse(as_of),
        last_visit=since,
    )
    return {
        "region": code,
        "year": year,
        "since": found.since,
        "changes": [
            {
                "indicator": c.indicator.code,
                "unit": c.indicator.unit,
                "period": str(c.change.period),
                "value": c.change.value,
                "previous_period": c.change.previous_period and str(c.change.previous_period),
                "previous": c.change.previous,
                "change": c.change.delta,
                "way": c.change.way,
                "better": c.better,
                "words": change_words(c.change, c.indicator.unit),
                "words_en": change_words(c.change, c.indicator.unit, english=True),
            }
            for c in found.changes
        ],
        "new": [
            {
                "indicator": v.indicator.code,
                "period": v.period,
                "value": v.value,
                "status": v.status,
                "updated_at": v.updated_at,
            }
            for v in found.new
        ],
    }
