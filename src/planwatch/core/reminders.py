"""When a department is reminded of a value it owes, and when a late value becomes a problem.

A reminder stage is named by the day it begins, counted from the due date:
-3 (three days before), 0 (the due day), then 7, 14, 21, … (each week late).
On any day an unsubmitted obligation is in at most one stage, the latest
one begun; a job that did not run on a stage's first day still sends that
stage later, but never an older stage it skipped. Pure date arithmetic: the
web layer records which stages were sent, so that none is sent twice.
"""

from __future__ import annotations

from datetime import date

BEFORE_DAYS = 3  # the first reminder, days before the due date
WEEK = 7  # after the due date, one reminder a week
DEFAULT_PROBLEM_AFTER_DAYS = 7  # days late after which an obligation becomes a problem


def stage_on(due: date, today: date) -> int | None:
    """The stage an obligation due on ``due`` is in on ``today``, or None before the first.

    >>> stage_on(date(2025, 7, 10), date(2025, 7, 8))
    -3
    >>> stage_on(date(2025, 7, 10), date(2025, 7, 25))
    14
    """
    days = (today - due).days
    if days < -BEFORE_DAYS:
        return None
    if days < 0:
        return -BEFORE_DAYS
    return WEEK * (days // WEEK)


def due_words_zh(due: date, today: date) -> str:
    """How the due date stands on ``today``, in the words of a reminder."""
    days = (today - due).days
    if days < 0:
        return f"距截止还有{-days}天"
    return "今天截止" if days == 0 else f"已逾期{days}天"


def becomes_problem(due: date, today: date, after_days: int) -> bool:
    """Whether a value still owed on ``today`` is ``after_days`` or more days past ``due``."""
    return (today - due).days >= after_days
