"""What the dashboard and the indicator page show of in-year monitoring.

Both read :func:`planwatch.services.nowcast.nowcast_year` as of the month the
dashboard is judged to (``?as_of=`` or the default of
:func:`planwatch.services.evaluation.resolve_as_of`), so they agree with the CLI and the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.core.nowcast import Assessment
from planwatch.core.observations import Period
from planwatch.services.nowcast import YearNowcast, nowcast_year
from planwatch.web.plan import charts
from planwatch.web.plan.models import ObservationRecord, Region


def year_nowcast(region: Region, year: int, as_of: Period | None = None) -> YearNowcast | None:
    """The year's in-year monitoring, or ``None`` when in-year values decide nothing.

    A year without month or quarter values, or one whose every indicator
    already has its whole-year value, has nothing to nowcast.
    """
    result = nowcast_year(region.code, year, as_of)
    in_year = any(a.method not in ("annual", "none") for a in result.assessments)
    return result if in_year else None


@dataclass(frozen=True)
class IndicatorNowcast:
    assessment: Assessment
    as_of: Period
    chart: dict[str, Any] | None


def indicator_nowcast(
    region: Region, year: int, code: str, as_of: Period | None = None
) -> IndicatorNowcast | None:
    """One indicator's assessment and fan chart, or ``None`` without in-year values."""
    result = year_nowcast(region, year, as_of)
    if result is None:
        return None
    found = next((a for a in result.assessments if a.indicator.code == code), None)
    if found is None:
        return None
    rows = ObservationRecord.objects.filter(
        indicator__region=region, indicator__code=code, year__in=(year - 1, year)
    )
    paths: dict[int, list[tuple[Period, float]]] = {year - 1: [], year: []}
    for period_text, value in rows.order_by("updated_at", "id").values_list("period", "value"):
        period = Period.parse(period_text)
        if period.is_year and period.year < year:  # last year's whole year closes its path
            paths[period.year].append((Period(period.year, month=12), value))
        elif not period.is_year and (
            period.year < year or period.elapsed_share <= result.as_of.elapsed_share
        ):
            paths[period.year].append((period, value))
    for points in paths.values():
        points.sort(key=lambda pv: pv[0].elapsed_share)
    fan = None
    if found.nowcast is not None and found.low is not None and found.high is not None:
        fan = (found.nowcast, found.low, found.high)
    goal = None if found.bar is None else found.bar.goal
    chart = charts.nowcast_fan(paths[year], paths[year - 1], goal, fan)
    return IndicatorNowcast(found, result.as_of, chart)
