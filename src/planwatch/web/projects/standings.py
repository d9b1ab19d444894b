"""The rankings page: towns and departments on government projects, departments on reporting.

Projects are the month's judgement of the register (:mod:`planwatch.web.projects.judged`,
as the dashboard and the project list read it); reporting is the compliance
table of the year's due dates (:mod:`planwatch.web.reminders.compliance`). The
ranking itself is :mod:`planwatch.core.standings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from planwatch.core import standings as core
from planwatch.core.observations import Period
from planwatch.web.excel import Cell, Sheet
from planwatch.web.plan.models import Region
from planwatch.web.projects import judged
from planwatch.web.reminders import compliance

TABLES = ("towns", "departments", "submissions")


@dataclass(frozen=True)
class Standings:
    region: Region
    period: Period
    towns: list[core.ProjectStanding]
    departments: list[core.ProjectStanding]
    submissions: list[core.Timeliness]
    months: list[str]  # the due dates' months of the year's reporting periods

    @property
    def time_progress(self) -> Decimal:
        return Decimal(self.period.month or 12) * 100 / 12


def standings(*, actor: Any, region: Region, period: Period, today: date) -> Standings:
    """``region``'s government projects ranked at the end of ``period``'s month, and its
    departments' reporting on the reporting periods of ``period``'s year as of ``today``."""
    month = [s for s in judged.month(region, period).values() if s.project.government]
    counted = compliance.months(actor=actor, region_code=region.code, today=today, year=period.year)
    counts = [
        core.Counts(r.department, r.owed, r.on_time, r.late, r.missing, r.pending)
        for m in counted
        for r in m.rows
    ]
    return Standings(
        region=region,
        period=period,
        towns=core.project_standings(month, core.by_town),
        departments=core.project_standings(month, core.by_department),
        submissions=core.submission_standings(counts),
        months=sorted(m.month for m in counted),
    )


def sheet(found: Standings, table: str) -> Sheet:
    """One of the page's tables (``towns``, ``departments``, ``submissions``) as a sheet."""
    if table == "submissions":
        return _submission_sheet(found)
    town = table == "towns"
    groups = found.towns if town else found.departments
    title = _("Town rankings on projects") if town else _("Department rankings on projects")
    headers = [
        _("Rank"), _("Town") if town else _("Department"), _("Projects"),
        _("Annual plan (10k yuan)"), _("Completed (10k yuan)"), _("Completion %"),
        _("Time progress %"), _("Against time progress (points)"), _("Lagging"),
        _("Not reported this month"),
    ]  # fmt: skip
    rows = [_group_row(g) for g in groups]
    return Sheet(f"{found.region.name} {found.period} {title}", headers, rows)


def _group_row(g: core.ProjectStanding) -> list[Cell]:
    return [
        g.rank, g.name, g.projects, _num(g.annual_plan), _num(g.completed),
        _num(g.completion), _num(g.time_progress), _num(g.gap), g.lagging, g.not_reported,
    ]  # fmt: skip


def _submission_sheet(found: Standings) -> Sheet:
    headers = [
        _("Rank"), _("Department"), _("Owed"), _("On time"), _("Late"), _("Missing"),
        _("Not yet due"), _("On-time rate %"),
    ]  # fmt: skip
    rows = [_timeliness_row(t) for t in found.submissions]
    title = _("Department rankings on reporting")
    return Sheet(f"{found.region.name} {found.period.year} {title}", headers, rows)


def _timeliness_row(t: core.Timeliness) -> list[Cell]:
    rate = None if t.on_time_rate is None else round(t.on_time_rate, 1)
    return [t.rank, t.name, t.owed, t.on_time, t.late, t.missing, t.pending, rate]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 1)
