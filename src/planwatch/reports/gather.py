"""Gather the inputs of a report through the application services (``planwatch.services``)."""

from __future__ import annotations

import calendar
from datetime import date

from planwatch.core.observations import Period
from planwatch.reports import gather_work as work
from planwatch.reports.inputs import AnnualInputs, MonthlyInputs, QuarterlyInputs, Quoted
from planwatch.reports.layout import layout, report_text
from planwatch.services.evaluation import evaluate, targets
from planwatch.services.nowcast import nowcast_year


def annual_inputs(region_code: str, year: int, as_of: Period | str | None = None) -> AnnualInputs:
    """The annual report's inputs: ``year`` evaluated as of ``as_of``, the targets of ``year + 1``.

    ``as_of`` ``None`` takes the default every surface takes
    (:mod:`planwatch.services.evaluation`). Raises
    :class:`~planwatch.core.errors.NotFound` for an unknown region or a year
    without targets.
    """
    evaluated = evaluate(region_code, year, as_of=as_of)
    following = targets(evaluated.region, year + 1)
    settings = layout(evaluated.region)
    drafted = settings.get("requirements", {}).get(str(year + 1))
    this_codes = {e.indicator.code for e in evaluated.evaluations if e.target is not None}
    next_codes = {t.indicator for t in following}
    return AnnualInputs(
        region=evaluated.region_name,
        year=year,
        indicators=[e.indicator for e in evaluated.evaluations],
        evaluations=evaluated.evaluations,
        next_targets=following,
        summary_examples=evaluated.examples,
        continues=bool(next_codes) and next_codes == this_codes,
        overview=[list(clause) for clause in settings.get("overview", ())],
        themes=[
            (theme["title"], [list(clause) for clause in theme["overview"]])
            for theme in settings.get("themes", ())
        ],
        qualifiers=dict(settings.get("qualifiers", {})),
        review=work.review(year, region_code),
        plan_tasks=work.key_tasks(year + 1, region_code),
        projects=work.project_arrangement(year + 1, region_code),
        requirements=Quoted(drafted["text"], drafted["source"]) if drafted else None,
        drafts=report_text(evaluated.region, year),
        opening=dict(settings.get("opening", {})),
        key_projects=work.key_projects(year + 1, region_code),
    )


def quarterly_inputs(region_code: str, year: int, quarter: int) -> QuarterlyInputs:
    """The quarterly brief's inputs: the year evaluated as of the end of ``quarter``."""
    evaluated = evaluate(region_code, year, as_of=Period(year, quarter=quarter))
    month = quarter * 3
    return QuarterlyInputs(
        region=evaluated.region_name,
        year=year,
        quarter=quarter,
        evaluations=evaluated.evaluations,
        lagging=work.lagging(year, month, region_code),
        overdue=work.overdue(date(year, month, calendar.monthrange(year, month)[1]), region_code),
        outlook=nowcast_year(region_code, year, Period(year, quarter=quarter)).ranked(),
    )


def monthly_inputs(region_code: str, year: int, month: int) -> MonthlyInputs:
    """The monthly brief's inputs: the year's in-year monitoring as of the end of ``month``."""
    outlook = nowcast_year(region_code, year, Period(year, month=month))
    return MonthlyInputs(
        region=outlook.region_name,
        year=year,
        month=month,
        outlook=outlook.ranked(),
        lagging=work.lagging(year, month, region_code),
        overdue=work.overdue(date(year, month, calendar.monthrange(year, month)[1]), region_code),
    )
