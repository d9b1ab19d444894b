"""Use cases of the reporting workbook: download it pre-filled, upload it filled, all or nothing.

The plan office (or the department's own clerk) downloads, for one open
period and one department, a workbook with a row per value owed
(:mod:`planwatch.web.submissions.workbook`). The upload hands every filled
row to :func:`planwatch.services.values.submit_value` in one transaction and
lists every refusal with sheet, row, column and the service's own message;
when there is any, nothing is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

from django.db import transaction

from planwatch.core.errors import DatasetError, DatasetProblem, InvalidValue
from planwatch.core.observations import Period, Status
from planwatch.services import value_reads, values
from planwatch.services.values import Entry
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.plan.services import get_region
from planwatch.web.submissions import periods, workbook
from planwatch.web.submissions.models import ReportingPeriod, Submission

_COLUMN_OF = {f: f for f in ("code", "period", "value", "status", "note")}  # else "value"


@dataclass(frozen=True)
class Imported:
    region: str
    submitted: int


def export_workbook(*, actor: Any, region_code: str, period: str, department: str) -> bytes:
    """The pre-filled workbook of what ``department`` owes in an open ``period``."""
    region = get_region(region_code)
    allowed = can_write_for(actor, department, region.pk)
    require(allowed, f"只能下载本部门的报送表,不能下载{region.name}{department}的。")
    record = ReportingPeriod.objects.filter(region=region, period=period, is_open=True).first()
    if record is None:
        raise Conflict(f"{region.name}的{period}报告期没有开启。")
    owed = periods.obligations(actor=actor, region_code=region.code, department=department)
    rows = [_owed_row(o.indicator, record) for o in owed if o.period.pk == record.pk]
    return workbook.write(rows, region=region.code)


def import_workbook(
    *, actor: Any, stream: IO[bytes], name: str, region_code: str | None = None
) -> Imported:
    """Submit every filled row for review, or nothing and :class:`DatasetError` listing why."""
    content = workbook.read(stream, name=name)
    if not (region_code or content.region):
        raise InvalidValue("工作簿没有写明地区,请指定地区。")
    region = get_region(region_code or content.region or "")
    held = IndicatorRecord.objects.filter(region=region).select_related("region")
    indicators = {i.code: i for i in held}
    problems: list[DatasetProblem] = list(content.problems)
    seen: dict[tuple[str, str, str], int] = {}
    with transaction.atomic():
        submitted = 0
        for row in content.rows:
            key = (row.code, row.period.strip(), row.status.value)
            if key in seen:
                problems.append(workbook.problem(row.row, "code", f"与第{seen[key]}行重复"))
                continue
            seen[key] = row.row
            submitted += _submit(actor, row, indicators.get(row.code), problems)
        if problems:
            raise DatasetError(sorted(problems, key=lambda p: p.line))
    return Imported(region.code, submitted)


def _submit(
    actor: Any,
    row: workbook.Filled,
    indicator: IndicatorRecord | None,
    problems: list[DatasetProblem],
) -> int:
    """Submit one row through the service (its own draft or returned one if it has one)."""

    def bad(field: str | None, reason: str) -> int:
        problems.append(workbook.problem(row.row, _COLUMN_OF.get(field or "", "value"), reason))
        return 0

    if indicator is None:
        return bad("code", f"没有指标「{row.code}」")
    if not can_write_for(actor, indicator.owner, indicator.region_id):
        owner = f"{indicator.region.name}{indicator.owner or '发展改革委'}"
        return bad("code", f"只有{owner}可以报送{indicator.name}")
    own = _own_open(indicator, row)
    try:
        with transaction.atomic():  # a refused row leaves nothing behind
            values.submit_value(
                actor=actor,
                indicator_id=indicator.id,
                entry=Entry(row.period, row.value, row.status, row.note),
                submission_id=own.id if own else None,
                version=value_reads.version_of(own) if own else None,
            )
    except (InvalidValue, Conflict, Forbidden) as refusal:
        findings = getattr(refusal, "findings", None)
        named = [(f.field, f.message) for f in findings] if findings else []
        for field, message in named or [(getattr(refusal, "field", None), refusal.message)]:
            bad(field, message)
        return 0
    return 1


def _own_open(indicator: IndicatorRecord, row: workbook.Filled) -> Submission | None:
    """The row's own draft or returned submission, which the upload changes and submits."""
    try:
        period = str(Period.parse(row.period))
    except InvalidValue:
        return None
    found = Submission.objects.filter(
        indicator=indicator, period=period, status=row.status.value, state__in=("draft", "returned")
    )
    return found.first()


def _owed_row(indicator: IndicatorRecord, record: ReportingPeriod) -> workbook.Owed:
    target = TargetRecord.objects.filter(indicator=indicator, year=record.year).first()
    return workbook.Owed(
        code=indicator.code,
        name=indicator.name,
        unit=indicator.unit,
        period=record.period,
        target=target.text if target else "",
        previous=_previous(indicator, Period.parse(record.period)),
    )


def _previous(indicator: IndicatorRecord, period: Period) -> str:
    """The latest value of the same granularity before ``period`` (an actual preferred)."""
    kind = periods.frequency_of(period)
    values = [
        (Period.parse(o.period), o.status == Status.ACTUAL, o)
        for o in ObservationRecord.objects.filter(indicator=indicator)
    ]
    earlier = [v for v in values if periods.frequency_of(v[0]) is kind and v[0] < period]
    if not earlier:
        return ""
    when, _, obs = max(earlier, key=lambda v: (v[0], v[1]))
    return f"{when}: {obs.value:g}" + ("(预计)" if obs.status == Status.ESTIMATE else "")
