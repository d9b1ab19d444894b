"""The dashboard's projects panel: government projects of the plan year at a glance.

Every status comes from the core lag rule (:func:`planwatch.core.progress.assess_all`)
through the same register and reports the project list reads; the S-curve is
that rule's completion rate at the end of each reported month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planwatch.core.as_of import end_month
from planwatch.core.observations import Period
from planwatch.core.problems import Problem
from planwatch.core.progress import ProjectStatus
from planwatch.services import problems as problem_service
from planwatch.web.plan.models import Region
from planwatch.web.projects import judged, listing
from planwatch.web.projects.models import ProjectRecord

LAGGING_SHOWN = 8
OVERDUE_SHOWN = 8


@dataclass(frozen=True)
class CurvePoint:
    month: Period
    completion: Decimal | None  # % of the annual plan completed by the month's end
    time_progress: Decimal  # month ÷ 12, in %


@dataclass(frozen=True)
class ProjectsPanel:
    period: Period
    totals: listing.Totals
    curve: list[CurvePoint]
    lagging: list[ProjectStatus]  # the most lagging first, at most LAGGING_SHOWN
    not_reported: int  # 未报: no report for the month
    overdue: list[Problem]  # the most overdue first, at most OVERDUE_SHOWN
    overdue_count: int


def projects_panel(region: Region, as_of: Period, today: date) -> ProjectsPanel | None:
    """``region``'s panel of ``as_of``'s year judged at the end of its month, the dashboard's
    as-of period.

    ``None`` when that year has no government project. A project without a
    report for that month is 未报, not judged on an older figure
    (:func:`planwatch.core.progress.assess`). The judgement and the curve are
    computed once per month and data version (:mod:`planwatch.web.projects.judged`);
    totals are aggregates: a bounded number of queries whatever the number of projects.
    """
    year = as_of.year
    period = Period(year, month=end_month(as_of))
    government = ProjectRecord.objects.filter(region=region, year=year, government=True)
    if not government.exists():
        return None
    month, curve = judged.with_curve(region, period)
    shown = [s for s in month.values() if s.project.government]
    lagging = sorted(
        (s for s in shown if s.lagging),
        key=lambda s: (-(s.gap if s.gap is not None else Decimal(-1000)), -len(s.overdue)),
    )
    overdue = problem_service.overdue_problems(today, region)
    return ProjectsPanel(
        period=period,
        totals=listing.totals(government, period, [s.project.code for s in lagging]),
        curve=[
            CurvePoint(at, completion, Decimal(at.month or 12) * 100 / 12)
            for at, completion in curve
        ],
        lagging=lagging[:LAGGING_SHOWN],
        not_reported=sum(1 for s in shown if s.not_reported),
        overdue=overdue[:OVERDUE_SHOWN],
        overdue_count=len(overdue),
    )
