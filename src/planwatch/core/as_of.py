""" "As of": the period an evaluation looks up to, and the one value standing for it.

Every surface (dashboard, indicator page, compare, API, CLI, reports)
evaluates a plan year *as of* one period through the same rules here:

- **Which value stands for a period** (:func:`current_value`): an actual over
  an estimate; among several values of the same status, the one recorded last
  (callers pass observations oldest first; the web layer orders them by
  ``updated_at, id``). Never ``max()`` or whichever value happens to come first.
- **Which period is owed as of a period** (:func:`due_period`): an indicator
  reports at the finest granularity of its cumulative in-year values that
  year (a month, a quarter, else only the whole year). As of October a
  monthly indicator owes October, a quarterly one Q3, an annual one nothing
  until the year is over. At the year's end the whole-year value counts first.
- **Not reported** (:class:`Standing`): an indicator that reported earlier in
  the year but has no value for the period it owes is 未报, never judged on
  its older figure.
- **The default as-of period** (:func:`most_reported`): without closed
  reporting periods, the latest month in which more than half of the
  indicators with a target that year have a value (a quarter's value counts
  for its last month, the year's for December); without such a month, the
  whole year.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.observations import Observation, Period, Status


class AsOfRule(StrEnum):
    """How the as-of period of an evaluation was chosen."""

    GIVEN = "given"  # asked for (?as_of=, --as-of, a quarterly report's quarter)
    CLOSED_PERIOD = "closed_period"  # the latest reporting period the office closed
    MOST_REPORTED = "most_reported"  # the latest month most indicators reported in
    WHOLE_YEAR = "whole_year"  # no month qualifies: the year as a whole

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]


_LABELS_ZH = {
    AsOfRule.GIVEN: "指定",
    AsOfRule.CLOSED_PERIOD: "最近关闭的报告期",
    AsOfRule.MOST_REPORTED: "多数指标已报送的最近月份",
    AsOfRule.WHOLE_YEAR: "全年",
}


@dataclass(frozen=True)
class AsOf:
    """The period an evaluation looks up to, and the rule that chose it."""

    period: Period
    rule: AsOfRule

    @property
    def year_end(self) -> bool:
        return reaches_year_end(self.period)

    def __str__(self) -> str:
        return str(self.period)


def reaches_year_end(period: Period) -> bool:
    """True for the year itself, its Q4 and its December: whole-year values count then."""
    return period.elapsed_share >= 1.0


def end_month(period: Period) -> int:
    """The month a period ends in (a quarter's last month; December for the year)."""
    return round(period.elapsed_share * 12)


def current_value(
    observations: Iterable[Observation], code: str, period: Period
) -> Observation | None:
    """The one value standing for ``code`` in exactly ``period``.

    An actual beats an estimate; among values of the same status the one
    given last wins (a later record supersedes an earlier one).
    """
    best: Observation | None = None
    for obs in observations:
        if obs.indicator != code or obs.period != period:
            continue
        if best is None or not (best.status is Status.ACTUAL and obs.status is Status.ESTIMATE):
            best = obs
    return best


@dataclass(frozen=True)
class Standing:
    """What stands for one indicator as of a period.

    ``value`` is the value to judge (``None``: nothing to judge); ``due`` the
    period the indicator owes as of then (``None``: nothing owed yet);
    ``last`` its latest earlier value when ``due`` went unreported (未报).
    """

    value: Observation | None
    due: Period | None
    last: Observation | None = None

    @property
    def not_reported(self) -> bool:
        return self.value is None and self.last is not None


def due_period(in_year: Collection[Observation], as_of: Period) -> Period | None:
    """The in-year period owed as of ``as_of`` by an indicator with these in-year values."""
    month = end_month(as_of)
    if any(o.period.month is not None for o in in_year):
        return Period(as_of.year, month=month)
    if any(o.period.quarter is not None for o in in_year) and month >= 3:
        return Period(as_of.year, quarter=month // 3)
    return None


def standing(observations: Iterable[Observation], code: str, as_of: Period) -> Standing:
    """The value of ``code`` judged as of ``as_of`` (see the module docstring for the rules)."""
    own = [o for o in observations if o.indicator == code and o.period.year == as_of.year]
    if reaches_year_end(as_of):
        annual = current_value(own, code, Period(as_of.year))
        if annual is not None:
            return Standing(annual, Period(as_of.year))
    in_year = [o for o in own if o.cumulative and not o.period.is_year]
    due = due_period(in_year, as_of)
    if due is None:
        return Standing(None, Period(as_of.year) if reaches_year_end(as_of) else None)
    value = current_value(in_year, code, due)
    if value is not None:
        return Standing(value, due)
    earlier = sorted(
        {o.period for o in in_year if o.period.elapsed_share < due.elapsed_share},
        key=lambda p: p.elapsed_share,
    )
    last = current_value(in_year, code, earlier[-1]) if earlier else None
    return Standing(None, due, last)


def most_reported(
    reports: Iterable[tuple[str, Period]], planned: Collection[str], year: int
) -> Period | None:
    """The latest month of ``year`` in which more than half of ``planned`` have a value.

    ``reports`` are (indicator code, period) pairs of the values held. A
    quarter's value counts for its last month and the year's for December;
    December itself is returned as the whole year. ``None`` when no month
    qualifies (or nothing is planned).
    """
    reporters: dict[int, set[str]] = {}
    for code, period in reports:
        if period.year == year and code in planned:
            reporters.setdefault(end_month(period), set()).add(code)
    months = [m for m, codes in reporters.items() if len(codes) * 2 > len(planned)]
    if not months:
        return None
    latest = max(months)
    return Period(year) if latest == 12 else Period(year, month=latest)


def default_as_of(
    year: int,
    closed: Iterable[Period],
    reports: Iterable[tuple[str, Period]],
    planned: Collection[str],
) -> AsOf:
    """The default as-of period of ``year``: the latest closed reporting period of the year,
    else :func:`most_reported`, else the whole year."""
    ended = [p for p in closed if p.year == year]
    if ended:
        return AsOf(max(ended, key=lambda p: (p.elapsed_share, p.is_year)), AsOfRule.CLOSED_PERIOD)
    found = most_reported(reports, planned, year)
    if found is not None:
        return AsOf(found, AsOfRule.MOST_REPORTED)
    return AsOf(Period(year), AsOfRule.WHOLE_YEAR)
