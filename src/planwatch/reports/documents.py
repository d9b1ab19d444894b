"""The report use cases: gather from the database, build the model, render the format."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.reports.build_annual import build_annual
from planwatch.reports.build_monthly import build_monthly
from planwatch.reports.build_notice import build_lag_notice
from planwatch.reports.build_quarterly import build_quarterly
from planwatch.reports.gather import annual_inputs, monthly_inputs, quarterly_inputs
from planwatch.reports.layout import notice_official
from planwatch.reports.render import Format, render
from planwatch.services import reading


def annual_report(
    region: str,
    year: int,
    fmt: Format,
    *,
    as_of: Period | str | None = None,
    sources: bool = False,
) -> bytes:
    """The annual report of ``region`` for ``year`` (and its plan for ``year + 1``).

    Indicators are judged as of ``as_of``; ``None`` takes the default every
    surface takes (:func:`planwatch.services.evaluation.evaluate`).
    """
    return render(build_annual(annual_inputs(region, year, as_of)), fmt, sources=sources)


def quarterly_report(region: str, period: str, fmt: Format, *, sources: bool = False) -> bytes:
    """The quarterly brief of ``region`` for ``period`` ("2025-Q3")."""
    quarter = Period.parse(period)
    if quarter.quarter is None:
        raise InvalidValue(f"{period!r} is not a quarter (e.g. 2025-Q3)")
    inputs = quarterly_inputs(region, quarter.year, quarter.quarter)
    return render(build_quarterly(inputs), fmt, sources=sources)


def monthly_report(region: str, period: str, fmt: Format, *, sources: bool = False) -> bytes:
    """The monthly brief of ``region`` for ``period`` ("2025-10"): the year's outlook."""
    month = Period.parse(period)
    if month.month is None:
        raise InvalidValue(f"{period!r} is not a month (e.g. 2025-10)")
    inputs = monthly_inputs(region, month.year, month.month)
    return render(build_monthly(inputs), fmt, sources=sources)


def notice_report(
    region: str,
    month: str,
    fmt: Format,
    *,
    threshold: Decimal | None = None,
    sources: bool = False,
    official: Mapping[str, str] | None = None,
) -> bytes:
    """The lag notice (督导通报) of ``month`` ("2025-06") for ``region``'s register.

    ``official`` overrides the 公文 parts of the region's settings (number, to,
    issuer, date, cc).
    """
    period = Period.parse(month)
    if period.month is None:
        raise InvalidValue(f"{month!r} is not a month (e.g. 2025-06)")
    extra = {} if threshold is None else {"threshold": threshold}
    notice = reading.lag_notice(period, region, **extra)
    parts = notice_official(region, period.year, period.month, official or {})
    report = build_lag_notice(notice, reading.region_name(region), parts)
    return render(report, fmt, sources=sources)
