"""The one rule for storing a quarterly report on a key task's sub-target.

Hard bounds, refused whatever the reason: a quantity's value must be a
finite number; a growth rate or a percentage lies within −100 … 1,000 %;
a level is not negative and at most ``LEVEL_MULTIPLE`` times its target
(``ABSOLUTE_LIMIT`` when the target has no number). A milestone's completion
date lies in the plan year or the one before, and not after the quarter
reported. A quarter already reported with something else is revised only
with a stated reason, which the history keeps.
"""

from __future__ import annotations

import math
from datetime import date

from planwatch.core.tasks import SubTarget, TaskProgress

LEVEL_MULTIPLE = 100
ABSOLUTE_LIMIT = 1e12
RATE_BOUNDS = (-100.0, 1000.0)
Problem = tuple[str, str]  # (field, reason)


def revises(stored: TaskProgress, report: TaskProgress) -> bool:
    """Whether ``report`` says something else than ``stored`` (value, date or note)."""
    return (stored.value, stored.done_on, stored.note) != (
        report.value,
        report.done_on,
        report.note,
    )


def report_problems(
    sub: SubTarget, report: TaskProgress, *, stored: TaskProgress | None, reason: str
) -> list[Problem]:
    """Why ``report`` on ``sub`` cannot be stored over ``stored``, as (field, reason)."""
    problems: list[Problem] = []
    if sub.is_milestone and report.value is not None:
        problems.append(("value", f"{sub.code} 是节点目标,报送完成日期而非数值"))
    if not sub.is_milestone and report.done_on is not None:
        problems.append(("done_on", f"{sub.code} 是数量目标,报送数值而非完成日期"))
    if report.value is not None:
        problems += [("value", p) for p in _value_problems(sub, report.value)]
    if report.done_on is not None:
        problems += [("done_on", p) for p in _date_problems(report)]
    if not problems and stored is not None and revises(stored, report) and not reason.strip():
        problems.append(
            (
                "reason",
                f"{sub.code} 已报送 {report.period} 的进展,再次报送即修改,请填写修改原因",
            )
        )
    return problems


def _value_problems(sub: SubTarget, value: float) -> list[str]:
    if not math.isfinite(value):
        return [f"「{value}」不是有限的数"]
    if sub.measure == "growth" or sub.unit == "%":
        low, high = RATE_BOUNDS
        if not low <= value <= high:
            return [f"{sub.code} 的 {value:g}% 超出 {low:g}% 至 {high:g}% 的范围"]
        return []
    if value < 0:
        return [f"{sub.code} 的数值不能为负数 ({value:g})"]
    target = None if sub.target is None else sub.target.value
    if target:
        limit = abs(target) * LEVEL_MULTIPLE
        if value > limit:
            return [
                f"{sub.code} 的 {value:g}{sub.unit} 超过目标 {target:g}{sub.unit} 的"
                f" {LEVEL_MULTIPLE} 倍"
            ]
    elif value > ABSOLUTE_LIMIT:
        return [f"{sub.code} 的 {value:g}{sub.unit} 超出可信范围"]
    return []


def _date_problems(report: TaskProgress) -> list[str]:
    period, day = report.period, report.done_on
    assert day is not None and period.quarter is not None
    end_month = period.quarter * 3
    last = date(period.year + end_month // 12, end_month % 12 + 1, 1).toordinal() - 1
    quarter_end = date.fromordinal(last)
    if day > quarter_end:
        return [f"完成日期 {day} 晚于 {period} 季末"]
    if day.year < period.year - 1:
        return [f"完成日期 {day} 早于 {period.year - 1} 年"]
    return []
