"""Reporting periods: the plan office opens and closes them; departments owe values in them.

An indicator's reporting frequency is read from the values it already holds:
the finest granularity among its observations (any month → monthly, else any
quarter → quarterly, else annual). In the Fuling data GDP growth is
quarterly, new urban jobs monthly, most indicators annual. An indicator owes
a value for an open period of its own granularity when it has an owner
department and a target for the period's year (without a target nothing can
be submitted, see :func:`~planwatch.services.value_checks.refuse_if_closed`).

A period that was never opened imposes nothing: values for it are accepted
as before. A closed period refuses new values; corrections of approved
values (:mod:`planwatch.web.submissions.corrections`) remain possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period, Status
from planwatch.web.accounts.roles import (
    Role,
    can_read,
    can_review,
    department_of,
    require,
    role_of,
)
from planwatch.web.editing import history
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord
from planwatch.web.plan.services import get_region
from planwatch.web.submissions.models import ReportingPeriod, State, Submission


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def label_zh(self) -> str:
        return {"monthly": "月报", "quarterly": "季报", "annual": "年报"}[self.value]


class Owed(StrEnum):
    """Where a department stands with one value it owes."""

    NOT_STARTED = "not_started"
    DRAFT = State.DRAFT.value
    SUBMITTED = State.SUBMITTED.value
    RETURNED = State.RETURNED.value
    APPROVED = State.APPROVED.value

    @property
    def label_zh(self) -> str:
        if self is Owed.NOT_STARTED:
            return "未填报"
        return str(State(self.value).label)


@dataclass(frozen=True)
class Obligation:
    """One value a department owes: the period, the indicator, its state, and whether it is late."""

    period: ReportingPeriod
    indicator: IndicatorRecord
    state: Owed
    submission: Submission | None
    overdue: bool

    @property
    def department(self) -> str:
        return self.indicator.owner


_FINENESS = {Frequency.ANNUAL: 0, Frequency.QUARTERLY: 1, Frequency.MONTHLY: 2}


def frequency_of(period: Period) -> Frequency:
    if period.month is not None:
        return Frequency.MONTHLY
    return Frequency.QUARTERLY if period.quarter is not None else Frequency.ANNUAL


def frequencies(indicators: Iterable[IndicatorRecord]) -> dict[int, Frequency]:
    """Each indicator's reporting frequency, from the finest period of its observations."""
    ids = [i.id for i in indicators]
    found = {i: Frequency.ANNUAL for i in ids}
    rows = ObservationRecord.objects.filter(indicator_id__in=ids).values_list(
        "indicator_id", "period"
    )
    for indicator_id, text in rows.distinct():
        kind = frequency_of(Period.parse(text))
        if _FINENESS[kind] > _FINENESS[found[indicator_id]]:
            found[indicator_id] = kind
    return found


@transaction.atomic
def open_period(*, actor: Any, region_code: str, period: str, due: date) -> ReportingPeriod:
    """Open ``period`` of a region for reporting until ``due``, or reopen a closed one."""
    require(can_review(actor), "只有发展改革委可以开启报告期。")
    region, parsed = get_region(region_code), _parsed(period)
    record = (
        ReportingPeriod.objects.select_for_update()
        .filter(region=region, period=str(parsed))
        .first()
    )
    if record is not None and record.is_open:
        raise Conflict(f"{region.name}{parsed}报告期已经开启(截止 {record.due})。")
    if record is None:
        record = ReportingPeriod(region=region, period=str(parsed), year=parsed.year)
    record.due, record.is_open = due, True
    record.opened_by, record.opened_at = actor, timezone.now()
    record.closed_by, record.closed_at = None, None
    reason = "报告期开启" if record.pk is None else "报告期重新开启"
    try:
        with transaction.atomic():  # a savepoint: another office user may open it at once
            return history.save(record, actor=actor, reason=reason)
    except IntegrityError:
        raise Conflict(f"{region.name}{parsed}报告期已经开启。") from None


@transaction.atomic
def close_period(*, actor: Any, region_code: str, period: str) -> ReportingPeriod:
    """Close an open period: no more values are accepted into it (corrections excepted)."""
    require(can_review(actor), "只有发展改革委可以关闭报告期。")
    region, parsed = get_region(region_code), _parsed(period)
    record = (
        ReportingPeriod.objects.select_for_update()
        .filter(region=region, period=str(parsed))
        .first()
    )
    if record is None:
        raise NotFound(f"{region.name}没有{parsed}报告期。")
    if not record.is_open:
        raise Conflict(f"{region.name}{parsed}报告期已经关闭。")
    record.is_open, record.closed_by, record.closed_at = False, actor, timezone.now()
    return history.save(record, actor=actor, reason="报告期关闭")


def periods(*, actor: Any, region_code: str | None = None) -> list[ReportingPeriod]:
    """Every reporting period (of one region), latest first."""
    require(can_read(actor), "请先登录。")
    found = ReportingPeriod.objects.select_related("region", "opened_by", "closed_by")
    if region_code is not None:
        found = found.filter(region=get_region(region_code))
    return list(found)


def obligations(
    *,
    actor: Any,
    region_code: str | None = None,
    department: str | None = None,
    today: date | None = None,
) -> list[Obligation]:
    """What each department (a clerk: its own) owes in every open period, by period and plan order.

    A value is overdue when ``today`` (default: the local date) is past the
    period's due date and it is neither submitted nor approved.
    """
    require(can_read(actor), "请先登录。")
    if role_of(actor) is Role.CLERK:
        own = department_of(actor)
        if department not in (None, own):
            raise Forbidden("只能查看本部门的报送任务。")
        department = own
    today = today or timezone.localdate()
    open_periods = ReportingPeriod.objects.filter(is_open=True).select_related("region")
    if region_code is not None:
        open_periods = open_periods.filter(region=get_region(region_code))
    owed: list[Obligation] = []
    for record in open_periods.order_by("region__code", "due", "period"):
        owed += _owed_in(record, department, today)
    return owed


def owed_in(
    record: ReportingPeriod, *, department: str | None = None, today: date | None = None
) -> list[Obligation]:
    """What departments owe in one period, open or closed (compliance reads closed ones too)."""
    return _owed_in(record, department, today or timezone.localdate())


def _owed_in(record: ReportingPeriod, department: str | None, today: date) -> list[Obligation]:
    kind = frequency_of(Period.parse(record.period))
    indicators = _candidates(record.region, record.year, department)
    kinds = frequencies(indicators)
    due = [i for i in indicators if kinds[i.id] is kind]
    latest: dict[int, Submission] = {}
    found = Submission.objects.filter(indicator__in=due, period=record.period).order_by("id")
    for submission in found:
        latest[submission.indicator_id] = submission  # the newest revision counts
    recorded = _recorded(due, record.period)
    result = []
    for indicator in due:
        submission = latest.get(indicator.id)
        if submission:
            state = Owed(submission.state)
        else:
            state = Owed.APPROVED if indicator.id in recorded else Owed.NOT_STARTED
        done = state in (Owed.SUBMITTED, Owed.APPROVED)
        late = today > record.due and not done
        result.append(Obligation(record, indicator, state, submission, late))
    return result


def _recorded(indicators: list[IndicatorRecord], period: str) -> set[int]:
    """The indicators whose actual value for ``period`` the plan already holds (loaded with the
    dataset or a batch before any submission): owed no more, whatever path brought it."""
    found = ObservationRecord.objects.filter(
        indicator__in=indicators, period=period, status=Status.ACTUAL
    )
    return set(found.values_list("indicator_id", flat=True))


def _candidates(region: Region, year: int, department: str | None) -> list[IndicatorRecord]:
    planned = TargetRecord.objects.filter(year=year).values("indicator_id")
    found = IndicatorRecord.objects.filter(region=region, id__in=planned).exclude(owner="")
    if department is not None:
        found = found.filter(owner=department)
    return list(found.order_by("position"))


def _parsed(text: str) -> Period:
    try:
        return Period.parse(text.strip())
    except InvalidValue:
        raise InvalidValue("报告期格式应为 2025、2025-Q3 或 2025-06。") from None


@dataclass(frozen=True)
class Tally:
    """One department's standing in the open periods."""

    department: str
    owed: int
    done: int
    overdue: int


def tallies(owed: Iterable[Obligation]) -> list[Tally]:
    """Per department: values owed, submitted or approved, and overdue (most overdue first)."""
    by_department: dict[str, list[Obligation]] = {}
    for o in owed:
        by_department.setdefault(o.department, []).append(o)
    found = [
        Tally(
            name,
            len(items),
            sum(o.state in (Owed.SUBMITTED, Owed.APPROVED) for o in items),
            sum(o.overdue for o in items),
        )
        for name, items in by_department.items()
    ]
    return sorted(found, key=lambda t: (-t.overdue, t.department))
