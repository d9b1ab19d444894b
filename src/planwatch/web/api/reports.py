"""Reports as files: the annual report, the quarterly and monthly briefs and the lag notice.

The annual report is public, as the web's report page and its downloads
are; the briefs and the notice are for signed-in government users. Any format.
"""

from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from planwatch.reports.documents import (
    annual_report,
    monthly_report,
    notice_report,
    quarterly_report,
)
from planwatch.reports.render import CONTENT_TYPES, Format
from planwatch.services import regions
from planwatch.web import published
from planwatch.web.api.types import AsOf, Month, Quarter, Region, Year
from planwatch.web.downloads import attachment

router = Router(tags=["reports"])
FILE = {
    "responses": {
        200: {
            "description": "the report, as an attachment named region-period-kind.format",
            "content": {
                media.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                for media in CONTENT_TYPES.values()
            },
        }
    }
}


class ReportQuery(Schema):
    format: Format = Format.PDF
    sources: bool = Field(False, description="append a table naming the source of every figure")


class AnnualQuery(ReportQuery):
    as_of: AsOf | None = None


class NoticeQuery(ReportQuery):
    threshold: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | None = Field(
        None, description="points; default 10"
    )


def _file(body: bytes, fmt: Format, name: str) -> HttpResponse:
    return attachment(body, CONTENT_TYPES[fmt], f"{name}.{fmt.value}")


@router.get("/regions/{code}/reports/annual/{year}", auth=None, openapi_extra=FILE)
def annual(request: HttpRequest, code: Region, year: Year, query: Query[AnnualQuery]) -> Any:
    """The annual report on plan execution of ``year`` and the plan of the next (public).

    Indicators are judged as of ``?as_of=`` (default: the rule every surface uses).
    Anonymous callers are rate-limited (429); when too many reports are being
    rendered the answer is 503; both say when to ask again (``Retry-After``).
    """
    published.limit_anonymous(request, "annual-report")
    as_of, fmt, sources = query.as_of, query.format, query.sources
    body = published.report(
        "annual",
        (code, year, fmt, str(as_of or ""), sources),
        lambda: annual_report(code, year, fmt, as_of=as_of, sources=sources),
    )
    return _file(body, query.format, f"{code}-{year}-annual-report")


@router.get("/regions/{code}/reports/quarterly/{period}", openapi_extra=FILE)
def quarterly(
    request: HttpRequest, code: Region, period: Quarter, query: Query[ReportQuery]
) -> Any:
    """The quarterly brief (季度经济运行分析) of ``period``, e.g. 2025-Q3."""
    return _brief("quarterly", request, code, period, query)


@router.get("/regions/{code}/reports/monthly/{period}", openapi_extra=FILE)
def monthly(request: HttpRequest, code: Region, period: Month, query: Query[ReportQuery]) -> Any:
    """The monthly brief (月度经济运行分析) of ``period``, e.g. 2025-10: the year's outlook."""
    return _brief("monthly", request, code, period, query)


BRIEFS = {"quarterly": quarterly_report, "monthly": monthly_report}


def _brief(kind: str, request: HttpRequest, code: str, period: str, query: ReportQuery) -> Any:
    """A brief of ``kind`` as a file, kept under the data version like the annual report."""
    regions.region(code, actor=request.user)  # a district's users read their own
    write = BRIEFS[kind]
    body = published.report(
        kind,
        (code, period, query.format, query.sources),
        lambda: write(code, period, query.format, sources=query.sources),
    )
    return _file(body, query.format, f"{code}-{period}-{kind}")


@router.get("/regions/{code}/reports/notice/{month}", openapi_extra=FILE)
def notice(request: HttpRequest, code: Region, month: Month, query: Query[NoticeQuery]) -> Any:
    """The lag notice (督导通报) of ``month``, e.g. 2025-06, by department."""
    regions.region(code, actor=request.user)
    limit = None if query.threshold is None else Decimal(str(query.threshold))
    body = notice_report(code, month, query.format, threshold=limit, sources=query.sources)
    return _file(body, query.format, f"{code}-{month}-notice")
