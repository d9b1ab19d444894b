"""In-year monitoring of a region's plan year: one read, one write.

:func:`nowcast_year` is what the CLI, the API, the dashboard and the brief show;
:func:`raise_early_warnings` turns binding indicators judged 难以完成 into tracked
problems (发现, assigned to the owning department), at most once per indicator
and month whoever asks and however often.

The plan is read through ``web.plan.services.plan_year`` until the one "as of"
evaluation service replaces it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from planwatch.core.errors import NotFound
from planwatch.core.indicators import Binding
from planwatch.core.nowcast import Assessment, assess_plan
from planwatch.core.observations import Period
from planwatch.core.problems import LinkKind, Problem, Severity, Source
from planwatch.core.risk import Tier
from planwatch.services.evaluation import plan_year, resolve_as_of
from planwatch.services.problems import report_problem
from planwatch.web.accounts.roles import can_review, require
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.plan.services import get_region
from planwatch.web.projects.models import ProblemRecord

RECTIFY_DAYS = 30  # a warning's deadline: days after its month's end (or today, if later)


@dataclass(frozen=True)
class YearNowcast:
    region: str
    region_name: str
    year: int
    as_of: Period
    assessments: list[Assessment]

    @property
    def warnings(self) -> list[Assessment]:
        """Binding (约束性) indicators judged 难以完成: the early warnings."""
        return [
            a
            for a in self.assessments
            if a.tier is Tier.AT_RISK and a.indicator.binding is Binding.BINDING
        ]

    def count(self, tier: Tier) -> int:
        return sum(1 for a in self.assessments if a.tier is tier)

    def ranked(self) -> list[Assessment]:
        """难以完成 first, then 需加力, 可完成, 无法预估; plan order within a tier."""
        return sorted(self.assessments, key=lambda a: a.tier.order)


def nowcast_year(region_code: str, year: int, as_of: Period | str | None = None) -> YearNowcast:
    """Assess every indicator of ``year`` as of ``as_of``.

    ``None`` takes the as-of period every surface takes
    (:func:`planwatch.services.evaluation.resolve_as_of`); the whole year is
    assessed as of its December.

    Raises ``NotFound`` for an unknown region, a year without targets or
    values, or an ``as_of`` outside the year.
    """
    region = get_region(region_code)
    plan = plan_year(region, year)
    if not plan.targets and not plan.observations:
        raise NotFound(f"{region.name} has no targets or values for {year}")
    resolved = resolve_as_of(region, year, as_of, plan).period
    when = Period(year, month=12) if resolved.is_year else resolved
    last_year = [
        o.to_domain()
        for o in ObservationRecord.objects.filter(indicator__region=region, year=year - 1)
        .select_related("indicator")
        .order_by("updated_at", "id")
    ]
    return YearNowcast(region.code, region.name, year, when, assess_plan(plan, last_year, when))


def raise_early_warnings(*, actor: User, region: str, year: int, as_of: Period) -> list[Problem]:
    """Report each early warning of ``as_of`` as a problem, unless it was reported already.

    The problem's code names the month and the indicator, so asking again in
    the same month adds nothing to the region; another region's warning of the
    same indicator is that region's problem of the same code (codes are unique
    within a region). A new month raises it again if it still holds. Only the
    plan office (of that region) may; one transaction.
    """
    scope = get_region(region)
    require(can_review(actor, scope.pk), f"只有{scope.name}发展改革委可以登记预警问题。")
    result = nowcast_year(region, year, as_of)
    raised = []
    with transaction.atomic():
        for warning in result.warnings:
            code = warning_code(as_of, warning.indicator.code)
            if ProblemRecord.objects.filter(region=scope, code=code).exists():
                continue
            raised.append(report_problem(_problem(code, warning, as_of), actor=actor, region=scope))
    return raised


def warning_code(as_of: Period, indicator: str) -> str:
    return f"YJ-{as_of}-{indicator}"[:40]


def _problem(code: str, warning: Assessment, as_of: Period) -> Problem:
    ind = warning.indicator
    nowcast = "" if warning.nowcast is None else f",预计全年{warning.nowcast:.2f}{ind.unit}"
    return Problem(
        code=code,
        source=Source.SCHEDULING,
        link_kind=LinkKind.INDICATOR,
        link=ind.code,
        description=f"约束性指标「{ind.name}」截至{as_of}难以完成全年目标{nowcast}。{warning.rule}",
        department=ind.owner,
        deadline=max(_month_end(as_of), timezone.localdate()) + timedelta(days=RECTIFY_DAYS),
        severity=Severity.HIGH,
        found_at=timezone.now(),
    )


def _month_end(period: Period) -> date:
    month = period.month or (period.quarter or 4) * 3
    return date(period.year, month, calendar.monthrange(period.year, month)[1])
