"""Gather the inputs of a report from the database (through the plan and projects services)."""

from __future__ import annotations

import calendar
from datetime import date

from planwatch.core.observations import Period
from planwatch.reports import gather_work as work
from planwatch.reports.inputs import AnnualInputs, QuarterlyInputs, Quoted
from planwatch.reports.layout import layout
from planwatch.services.nowcast import nowcast_year
from planwatch.web.plan import services


def annual_inputs(region_code: str, year: int) -> AnnualInputs:
    """The annual report's inputs: ``year`` evaluated, and the targets of ``year + 1``.

    Raises :class:`~planwatch.core.errors.NotFound` for an unknown region or a
    year without targets.
    """
    evaluated = services.evaluate_year(region_code, year)
    region = evaluated.region
    current = services.plan_year(region, year)
    following = services.plan_year(region, year + 1)
    settings = layout(region.code)
    drafted = settings.get("requirements", {}).get(str(year + 1))
    this_codes = {t.indicator for t in current.targets}
    next_codes = {t.indicator for t in following.targets}
    return AnnualInputs(
        region=region.name,
        year=year,
        indicators=list(current.indicators),
        evaluations=evaluated.evaluations,
        next_targets=list(following.targets),
        summary_examples=evaluated.examples,
        continues=bool(next_codes) and next_codes == this_codes,
        overview=[list(clause) for clause in settings.get("overview", ())],
        qualifiers=dict(settings.get("qualifiers", {})),
        review=work.review(year),
        plan_tasks=work.key_tasks(year + 1),
        projects=work.project_arrangement(year + 1),
        requirements=Quoted(drafted["text"], drafted["source"]) if drafted else None,
    )


def quarterly_inputs(region_code: str, year: int, quarter: int) -> QuarterlyInputs:
    """The quarterly brief's inputs: the year evaluated as of the end of ``quarter``."""
    evaluated = services.evaluate_year(region_code, year, as_of=Period(year, quarter=quarter))
    month = quarter * 3
    return QuarterlyInputs(
        region=evaluated.region.name,
        year=year,
        quarter=quarter,
        evaluations=evaluated.evaluations,
        lagging=work.lagging(year, month),
        overdue=work.overdue(date(year, month, calendar.monthrange(year, month)[1])),
        outlook=nowcast_year(region_code, year, Period(year, quarter=quarter)).ranked(),
    )
