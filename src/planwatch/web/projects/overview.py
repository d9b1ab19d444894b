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
from planwatch.core.progress import ProjectStatus, assess_all
from planwatch.services import problems as problem_service
from planwatch.services import project_register
from planwatch.web.projects import pages

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
    totals: pages.Totals
    curve: list[CurvePoint]
    lagging: list[ProjectStatus]  # the most lagging first, at most LAGGING_SHOWN
    not_reported: int  # 未报: no report for the month
    overdue: list[Problem]  # the most overdue first, at most OVERDUE_SHOWN
    overdue_count: int


def projects_panel(as_of: Period, today: date) -> ProjectsPanel | None:
    """The panel of ``as_of``'s year judged at the end of its month, the dashboard's as-of period.

    ``None`` when that year has no project register. A project without a
    report for that month is 未报, not judged on an older figure
    (:func:`planwatch.core.progress.assess`). Six queries whatever the number
    of projects and months.
    """
    year = as_of.year
    projects = [p for p in project_register.register(year) if p.government]
    if not projects:
        return None
    period = Period(year, month=end_month(as_of))
    reported = project_register.reports(year, period.month or 12)
    curve, statuses = [], []
    for month in range(1, (period.month or 12) + 1):
        at = Period(year, month=month)
        statuses = assess_all(projects, reported, at)
        curve.append(
            CurvePoint(at, pages.totals_of(statuses).completion, Decimal(month) * 100 / 12)
        )
    lagging = sorted(
        (s for s in statuses if s.lagging),
        key=lambda s: (-(s.gap if s.gap is not None else Decimal(-1000)), -len(s.overdue)),
    )
    overdue = problem_service.overdue_problems(today)
    return ProjectsPanel(
        period=period,
        totals=pages.totals_of(statuses),
        curve=curve,
        lagging=lagging[:LAGGING_SHOWN],
        not_reported=sum(1 for s in statuses if s.not_reported),
        overdue=overdue[:OVERDUE_SHOWN],
        overdue_count=len(overdue),
    )
