"""Use cases of the reporting workbook: download it pre-filled, upload it filled, all or nothing.

The plan office (or the department's own clerk) downloads, for one open
period and one department, a workbook with a row per value owed
(:mod:`planwatch.web.submissions.workbook`). The upload checks every filled
row as :func:`planwatch.web.submissions.services.save` would (permission,
plausibility, closed period, the indicator's validation rules, a value
already submitted or approved) and lists every problem with sheet, row,
column and reason; only when there is none is every row saved and submitted
for review, in one transaction, through that same service.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

from django.db import transaction

from planwatch.core.errors import DatasetError, DatasetProblem, InvalidValue
from planwatch.core.observations import Period, Status
from planwatch.core.validation import ValidationFailed
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.plan.services import get_region
from planwatch.web.submissions import periods, services, workbook
from planwatch.web.submissions.models import ReportingPeriod, Submission
from planwatch.web.submissions.services import Entry

_COLUMN_OF = {"period": "period", "value": "value", "status": "status", "note": "note"}


@dataclass(frozen=True)
class Imported:
    region: str
    submitted: int


def export_workbook(*, actor: Any, region_code: str, period: str, department: str) -> bytes:
    """The pre-filled workbook of what ``department`` owes in an open ``period``."""
    require(can_write_for(actor, department), f"只能下载本部门的报送表,不能下载{department}的。")
    region = get_region(region_code)
    record = ReportingPeriod.objects.filter(region=region, period=period, is_open=True).first()
    if record is None:
        raise Conflict(f"{region.name}的{period}报告期没有开启。")
    owed = periods.obligations(actor=actor, region_code=region.code, department=department)
    rows = [_owed_row(o.indicator, record) for o in owed if o.period.pk == record.pk]
    return workbook.write(rows, region=region.code)


@transaction.atomic
def import_workbook(
    *, actor: Any, stream: IO[bytes], name: str, region_code: str | None = None
) -> Imported:
    """Submit every filled row for review, or nothing and :class:`DatasetError` listing why."""
    content = workbook.read(stream, name=name)
    if not (region_code or content.region):
        raise InvalidValue("工作簿没有写明地区,请指定地区。")
    region = get_region(region_code or content.region or "")
    indicators = {i.code: i for i in IndicatorRecord.objects.filter(region=region)}
    problems: list[DatasetProblem] = list(content.problems)
    accepted: list[tuple[IndicatorRecord, Entry, Submission | None]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in content.rows:
        found = _checked(actor, row, indicators.get(row.code), seen, problems)
        if found is not None:
            accepted.append(found)
    if problems:
        raise DatasetError(sorted(problems, key=lambda p: p.line))
    for indicator, entry, existing in accepted:
        services.save(
            actor=actor,
            indicator_id=indicator.id,
            entry=entry,
            submission_id=existing.id if existing else None,
            version=services.version_of(existing) if existing else None,
            submit=True,
        )
    return Imported(region.code, len(accepted))


def _checked(
    actor: Any,
    row: workbook.Filled,
    indicator: IndicatorRecord | None,
    seen: dict[tuple[str, str], int],
    problems: list[DatasetProblem],
) -> tuple[IndicatorRecord, Entry, Submission | None] | None:
    """The row ready to save, or None with its problems appended."""

    def bad(field: str, reason: str) -> None:
        problems.append(workbook.problem(row.row, field, reason))

    if indicator is None:
        return bad("code", f"没有指标「{row.code}」")
    if not can_write_for(actor, indicator.owner):
        return bad("code", f"只有{indicator.owner or '发展改革委'}可以报送{indicator.name}")
    entry = Entry(row.period, row.value, row.status, row.note)
    entry_problems = services.entry_problems(indicator, entry)
    for field, reason in entry_problems.items():
        bad(_COLUMN_OF.get(field, "value"), reason)
    if entry_problems:
        return None
    period = str(Period.parse(row.period))
    if (indicator.code, period) in seen:
        return bad("code", f"与第{seen[indicator.code, period]}行重复({indicator.name} {period})")
    seen[indicator.code, period] = row.row
    try:
        periods.refuse_if_closed(indicator, period)
        services.check_rules(indicator.id, entry)
    except ValidationFailed as exc:
        for finding in exc.findings:
            bad(_COLUMN_OF.get(finding.field, "value"), finding.message)
        return None
    except Conflict as exc:
        return bad("period", exc.message)
    existing = Submission.objects.filter(indicator=indicator, period=period).order_by("-id").first()
    if existing is not None and not existing.editable:
        return bad("value", f"该期数值{existing.get_state_display()},如需修改请提出更正")
    return indicator, entry, existing


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
