"""Read services of the year's work: project register and statuses, key tasks, problems.

What the reports (and any other surface) read besides the indicator
evaluation (:mod:`planwatch.services.evaluation`). Each function reads
through the domain's service module (:mod:`~planwatch.services.project_register`,
:mod:`~planwatch.services.tasks`, :mod:`~planwatch.services.problems`) and
returns core objects, so every surface sees the same rows judged by the
same core rule; none of it reads page code.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planwatch.core.observations import Period
from planwatch.core.problems import Problem
from planwatch.core.progress import DEFAULT_THRESHOLD, ProjectStatus
from planwatch.core.projects import Project
from planwatch.core.tasks import TaskTree
from planwatch.projects_io.notice import Notice
from planwatch.services import problems as problem_list
from planwatch.services import project_register, tasks
from planwatch.services.tasks import SubTargetVerdict
from planwatch.web.plan.models import Region
from planwatch.web.plan.services import get_region


def region_name(code: str) -> str:
    """The name of the region ``code`` (:class:`NotFound` if none is loaded)."""
    return get_region(code).name


def _region(code: str | None) -> Region | None:
    return None if code is None else get_region(code)


def register(year: int, region: str | None = None) -> list[Project]:
    """The project register of ``year`` (of the region ``region`` when given), in code order."""
    return project_register.register(year, _region(region))


def project_statuses(month: Period, region: str | None = None) -> list[ProjectStatus]:
    """Every project of ``month``'s year judged at the month's end (未报 without its report)."""
    return project_register.project_statuses(month, _region(region))


def lag_notice(
    month: Period, region: str | None = None, *, threshold: Decimal = DEFAULT_THRESHOLD
) -> Notice:
    """The 督导通报 of ``month``: the lagging projects by department."""
    return project_register.lag_notice(month, _region(region), threshold=threshold)


def task_tree(year: int, region: str | None = None) -> TaskTree:
    """``year``'s key tasks: areas → tasks → sub-targets (:class:`NotFound` without any)."""
    return tasks.task_tree(year, _region(region))


def task_verdicts(
    quarter: Period, today: date, region: str | None = None
) -> list[SubTargetVerdict]:
    """Every sub-target judged at the end of ``quarter``."""
    return tasks.verdicts(quarter, today, _region(region))


def problems(region: str | None = None) -> list[Problem]:
    """The whole problem list (of the region ``region`` when given)."""
    return problem_list.problems(region=_region(region))


def overdue_problems(today: date, region: str | None = None) -> list[Problem]:
    """Problems past their deadline on ``today``, the most overdue first."""
    return problem_list.overdue_problems(today, _region(region))
