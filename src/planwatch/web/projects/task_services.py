"""Use cases of the key tasks: store a year's tree, record quarterly progress, judge it.

Quantities are judged by the one evaluation engine (through
:func:`planwatch.core.tasks.judge_quantity`), milestones by
:func:`planwatch.core.tasks.judge_milestone`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Prefetch

from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation
from planwatch.core.observations import Period
from planwatch.core.tasks import (
    MilestoneState,
    SubTarget,
    TaskProgress,
    TaskTree,
    judge_milestone,
    judge_quantity,
)
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.editing.history import InvalidField
from planwatch.web.projects.models import SubTargetRecord, TaskProgressRecord, TaskRecord


@dataclass(frozen=True)
class SubTargetVerdict:
    sub_target: SubTarget
    evaluation: Evaluation | None
    milestone: MilestoneState | None


def store_tree(tree: TaskTree) -> None:
    """Replace the year's tree (and its progress) with ``tree``."""
    areas = {a.ordinal: a for a in tree.areas}
    with transaction.atomic():
        TaskRecord.objects.filter(year=tree.year).delete()
        for task in tree.tasks:
            area = areas[task.area]
            record = TaskRecord.objects.create(
                year=tree.year,
                code=task.code,
                area=area.ordinal,
                area_title=area.title,
                area_source=area.source,
                area_note=area.note,
                ordinal=task.ordinal,
                title=task.title,
                source=task.source,
                lead=task.lead,
                cooperating="|".join(task.cooperating),
            )
            SubTargetRecord.objects.bulk_create(
                [_sub_record(record, s) for s in tree.sub_targets_of(task)]
            )


def record_progress(report: TaskProgress, *, actor: User) -> TaskProgress:
    """Store (or replace) a quarterly report; only the sub-target's lead department may.

    A quantity is reported with a value, a milestone with its completion date
    (or only a note while it is under way); the other field is refused.
    """
    sub = _sub_target(report)
    require(can_write_for(actor, sub.lead), f"只有{sub.lead}可以报送 {sub.code} 的进展。")
    if sub.form and report.done_on is not None:
        raise InvalidField("done_on", f"{sub.code} 是数量目标,报送数值而非完成日期")
    if not sub.form and report.value is not None:
        raise InvalidField("value", f"{sub.code} 是节点目标,报送完成日期而非数值")
    return store_progress(report, source=report.source or actor.get_username())


def store_progress(report: TaskProgress, *, source: str) -> TaskProgress:
    """Store a quarterly report without a permission check: for dataset loads."""
    TaskProgressRecord.objects.update_or_create(
        sub_target=_sub_target(report),
        year=report.period.year,
        quarter=report.period.quarter,
        defaults={
            "value": report.value,
            "done_on": report.done_on,
            "note": report.note,
            "source": source,
        },
    )
    return report


def _sub_target(report: TaskProgress) -> SubTargetRecord:
    try:
        return SubTargetRecord.objects.get(code=report.sub_target, task__year=report.period.year)
    except SubTargetRecord.DoesNotExist:
        raise NotFound(f"子目标 {report.sub_target} 不存在") from None


def task_tree(year: int) -> TaskTree:
    by_id = Prefetch("sub_targets", queryset=SubTargetRecord.objects.order_by("id"))
    tasks = list(TaskRecord.objects.filter(year=year).prefetch_related(by_id))
    if not tasks:
        raise NotFound(f"{year} 年没有主要任务")
    areas = list({t.area: t.area_to_domain() for t in tasks}.values())
    subs = [s.to_domain(t) for t in tasks for s in t.sub_targets.all()]
    return TaskTree(year, "", tuple(areas), tuple(t.to_domain() for t in tasks), tuple(subs))


def verdicts(period: Period, today: date) -> list[SubTargetVerdict]:
    """Every sub-target of the year: quantities judged at ``period``, milestones at ``today``."""
    tree = task_tree(period.year)
    reports = progress_reports(period.year)
    return [
        SubTargetVerdict(s, None, judge_milestone(s, reports, today))
        if s.is_milestone
        else SubTargetVerdict(s, judge_quantity(s, reports, period), None)
        for s in tree.sub_targets
    ]


def progress_reports(year: int) -> list[TaskProgress]:
    """Every quarterly report of ``year``, in the order they were first stored."""
    rows = TaskProgressRecord.objects.filter(year=year).select_related("sub_target")
    return [r.to_domain() for r in rows.order_by("id")]


def _sub_record(task: TaskRecord, s: SubTarget) -> SubTargetRecord:
    return SubTargetRecord(
        task=task,
        code=s.code,
        subject=s.subject,
        text=s.text,
        source=s.source,
        lead=s.lead,
        cooperating="|".join(s.cooperating),
        form="" if s.target is None else s.target.form.value,
        value=None if s.target is None else s.target.value,
        unit=s.unit,
        measure=s.measure,
        due=s.due,
    )
