"""The one rule for storing a project's monthly report, whichever surface sends it.

A report is checked against the project (its total and annual planned
investment) and the reports around it: the month's stored report, the latest
earlier month and the earliest later month. Above the total investment is
refused outright: the year's cumulative cannot exceed what the whole project
costs. A month reported again with different figures, a cumulative below the
previous month's (or above the next month's), and a cumulative above the
annual plan are accepted only with a stated reason, which the history keeps.
Money is in 万元.
"""

from __future__ import annotations

from decimal import Decimal

from planwatch.core.progress import ProgressReport
from planwatch.core.projects import Project

Problem = tuple[str, str]  # (field, reason)


def revises(stored: ProgressReport, report: ProgressReport) -> bool:
    """Whether ``report`` changes what ``stored`` says (figures, milestones or narrative).

    Sending a stored report again changes nothing; adding an evidence file
    to it is not a revision either.
    """
    return (stored.completed, stored.reached, stored.narrative) != (
        report.completed,
        report.reached,
        report.narrative,
    )


def report_problems(
    report: ProgressReport,
    project: Project,
    *,
    stored: ProgressReport | None,
    before: ProgressReport | None,
    after: ProgressReport | None,
) -> list[Problem]:
    """Why ``report`` cannot be stored, as (field, reason); empty when it can.

    ``stored`` is the month's report already kept; ``before`` and ``after``
    the nearest reports of earlier and later months of the year.
    """
    amount, given = report.completed, bool(report.reason.strip())
    problems: list[Problem] = []
    if amount > project.total:
        problems.append(
            (
                "completed",
                f"本年累计完成投资 {wan(amount)} 万元超过项目总投资 {wan(project.total)} 万元",
            )
        )
        return problems
    if given:
        return problems
    if stored is not None and revises(stored, report):
        problems.append(
            (
                "reason",
                f"{report.project} 已报送 {report.period} 的进度"
                f"(本年累计 {wan(stored.completed)} 万元),再次报送即修改,请填写修改原因",
            )
        )
    if before is not None and amount < before.completed:
        problems.append(
            (
                "completed",
                f"本年累计完成投资 {wan(amount)} 万元低于 {before.period} 的 "
                f"{wan(before.completed)} 万元,如需调减请填写原因",
            )
        )
    if after is not None and amount > after.completed:
        problems.append(
            (
                "completed",
                f"本年累计完成投资 {wan(amount)} 万元高于 {after.period} 已报的 "
                f"{wan(after.completed)} 万元,如需调整请填写原因",
            )
        )
    if amount > project.annual_plan:
        problems.append(
            (
                "completed",
                f"本年累计完成投资 {wan(amount)} 万元超过年度计划投资 "
                f"{wan(project.annual_plan)} 万元,如属实请填写原因",
            )
        )
    return problems


def wan(amount: Decimal) -> str:
    """An amount of 万元 as typed: no exponent, no trailing zeros (49510, 2100.5)."""
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
