"""The register's month-end judgement, computed once per (region, year, month) and data version.

Judging a register reads every project and every report of the year and runs
the core lag rule (:func:`planwatch.core.progress.assess_all`) over them:
seconds at a city's scale. Pages need it for a page of rows, a count or a
curve, and the answer only changes when the data does. So the judgement of a
month (and the S-curve of the dashboard) is kept in this process under the
data version (:mod:`planwatch.web.kept`); a write makes a new version, and
the next request judges again. Each worker process judges a version once: cheaper than
moving a pickled register through the shared cache on every request.
"""

from __future__ import annotations

from decimal import Decimal

from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport, ProjectStatus, assess_all
from planwatch.core.projects import Project
from planwatch.services import project_register
from planwatch.web import kept
from planwatch.web.dataversion import data_version
from planwatch.web.plan.models import Region

Curve = list[tuple[Period, Decimal | None]]


def month(region: Region, period: Period) -> dict[str, ProjectStatus]:
    """Every project of ``region`` of ``period``'s year judged at the month's end, by code."""
    key = _key("month", region, period, data_version())
    found = kept.get(key)
    if found is None:
        with kept.making(key):
            found = kept.get(key)
            if found is None:
                statuses = project_register.project_statuses(period, region)
                found = kept.put(key, _by_code(statuses))
    return found  # type: ignore[no-any-return]


def months(regions: list[Region], period: Period) -> dict[int, dict[str, ProjectStatus]]:
    """:func:`month` of each of ``regions``, by id, under one data version: the judgements kept
    here are reused and the others judged from one read of their registers, so a city of
    38 districts costs the queries of one."""
    version = data_version()
    keys = {r.pk: _key("month", r, period, version) for r in regions}
    found = {pk: kept.get(key) for pk, key in keys.items()}
    missing = [r for r in regions if found[r.pk] is None]
    if missing:
        for pk, statuses in project_register.statuses_by_region(period, missing).items():
            found[pk] = kept.put(keys[pk], _by_code(statuses))
    return found


def with_curve(region: Region, period: Period) -> tuple[dict[str, ProjectStatus], Curve]:
    """:func:`month`, and the completion (% of the annual plan) of ``region``'s government
    projects at the end of each month of the year up to ``period``'s: the dashboard's S-curve.
    Both from one read of the register and its reports."""
    version = data_version()
    month_key, curve_key = (_key(kind, region, period, version) for kind in ("month", "curve"))
    judged, points = kept.get(month_key), kept.get(curve_key)
    if judged is None or points is None:
        with kept.making(curve_key):
            return _judge_with_curve(region, period, month_key, curve_key)
    return judged, points


def _judge_with_curve(
    region: Region, period: Period, month_key: str, curve_key: str
) -> tuple[dict[str, ProjectStatus], Curve]:
    judged, points = kept.get(month_key), kept.get(curve_key)
    if judged is None or points is None:  # no other thread judged it meanwhile
        year, last = period.year, period.month or 12
        projects = project_register.register(year, region)
        reported = project_register.reports(year, last, region=region)
        government = [p for p in projects if p.government]
        points = [_completion(government, reported, Period(year, month=m)) for m in range(1, last)]
        judged = _by_code(assess_all(projects, reported, period))
        points.append(_completion(government, reported, period))
        kept.put(month_key, judged)
        kept.put(curve_key, points)
    return judged, points


def _by_code(statuses: list[ProjectStatus]) -> dict[str, ProjectStatus]:
    return {s.project.code: s for s in statuses}


def _completion(
    projects: list[Project], reported: list[ProgressReport], at: Period
) -> tuple[Period, Decimal | None]:
    statuses = assess_all(projects, reported, at)
    plan = sum((s.project.annual_plan for s in statuses), Decimal(0))
    done = sum((s.completed for s in statuses), Decimal(0))
    return at, None if not plan else done * 100 / plan


def _key(kind: str, region: Region, period: Period, version: str) -> str:
    return kept.key_of(kind, (region.pk, str(period)), version)


def forget() -> None:
    """Drop what this process keeps: for tests, which roll the database back under it."""
    kept.forget()
