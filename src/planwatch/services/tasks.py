"""Operations on the key tasks: store a year's tree, report a sub-target's quarter, judge it.

Quantities are judged by the one evaluation engine (through
:func:`planwatch.core.tasks.judge_quantity`), milestones by
:func:`planwatch.core.tasks.judge_milestone`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Prefetch

from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Evaluation
from planwatch.core.observations import Period
from planwatch.core.task_rules import report_problems, revises
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
from planwatch.web.plan.models import Region
from planwatch.web.projects.models import SubTargetRecord, TaskProgressRecord, TaskRecord

LOADED = "载入数据集"


@dataclass(frozen=True)
class SubTargetVerdict:
    sub_target: SubTarget
    evaluation: Evaluation | None
    milestone: MilestoneState | None


def store_tree(tree: TaskTree, region: Region) -> None:
    """Replace ``region``'s tree of the year (and its progress) with ``tree``."""
    areas = {a.ordinal: a for a in tree.areas}
    with transaction.atomic():
        TaskRecord.objects.filter(year=tree.year, region=region).delete()
        for task in tree.tasks:
            area = areas[task.area]
            record = TaskRecord.objects.create(
                region=region,
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


def report_subtarget_progress(
    report: TaskProgress, *, actor: User, reason: str = ""
) -> TaskProgress:
    """Store a quarterly report on a sub-target; only its lead department or the plan office.

    A quantity is reported with a value, a milestone with its completion date
    (or only a note while it is under way); the rule
    (:func:`planwatch.core.task_rules.report_problems`) refuses values out of
    bounds and a quarter reported again with something else unless ``reason``
    says why. Refusals raise :class:`InvalidField`; nothing is written then.
    Every write keeps a history row (who, when, why).
    """
    with transaction.atomic():
        record = _sub_target(report, lock=True)
        sub = record.to_domain(record.task)
        allowed = can_write_for(actor, sub.lead, record.task.region_id)
        require(allowed, f"只有{record.task.region.name}{sub.lead}可以报送 {sub.code} 的进展。")
        kept = record.progress.filter(
            year=report.period.year, quarter=report.period.quarter
        ).first()
        stored = None if kept is None else kept.to_domain()
        problems = report_problems(sub, report, stored=stored, reason=reason)
        if problems:
            field, _ = problems[0]
            raise InvalidField(field, "；".join(message for _, message in problems))
        source = report.source or actor.get_username()
        if stored is not None and not revises(stored, report):
            return replace(report, source=stored.source)
        _save(kept or TaskProgressRecord(sub_target=record), report, source, actor, reason)
    return replace(report, source=source)


def store_loaded_progress(reports: list[TaskProgress], year: int) -> None:
    """Store a dataset's quarterly reports of ``year`` as they are (no rule), in a few queries.

    New reports are inserted with a history row each; changed ones saved;
    unchanged ones left alone, so loading twice changes nothing.
    """
    subs = {s.code: s for s in SubTargetRecord.objects.filter(task__year=year)}
    kept = {(r.sub_target_id, r.quarter): r for r in TaskProgressRecord.objects.filter(year=year)}
    new = []
    for report in reports:
        sub = subs[report.sub_target]
        record = kept.get((sub.pk, report.period.quarter))
        if record is None:
            new.append(_filled(TaskProgressRecord(sub_target=sub), report, report.source))
        elif revises(record.to_domain(), report) or record.source != report.source:
            _save(record, report, report.source, None, LOADED)
    created = TaskProgressRecord.objects.bulk_create(new)
    TaskProgressRecord.history.bulk_history_create(  # type: ignore[attr-defined]
        created, default_change_reason=LOADED
    )


def _save(
    record: TaskProgressRecord, report: TaskProgress, source: str, actor: User | None, reason: str
) -> None:
    _filled(record, report, source)
    record._history_user = actor  # type: ignore[attr-defined]
    record._change_reason = reason.strip()  # type: ignore[attr-defined]
    record.save()


def _filled(record: TaskProgressRecord, report: TaskProgress, source: str) -> TaskProgressRecord:
    record.year, record.quarter = report.period.year, report.period.quarter or 0
    record.value, record.done_on, record.note = report.value, report.done_on, report.note
    record.source = source
    return record


def _sub_target(report: TaskProgress, *, lock: bool = False) -> SubTargetRecord:
    records = SubTargetRecord.objects.select_related("task__region")
    try:
        return (records.select_for_update(of=("self",)) if lock else records).get(
            code=report.sub_target, task__year=report.period.year
        )
    except SubTargetRecord.DoesNotExist:
        raise NotFound(f"子目标 {report.sub_target} 不存在") from None


def task_tree(year: int, region: Region | None = None) -> TaskTree:
    """The key tasks of ``year`` of ``region`` (of every region when ``None``)."""
    by_id = Prefetch("sub_targets", queryset=SubTargetRecord.objects.order_by("id"))
    records = TaskRecord.objects.filter(year=year)
    if region is not None:
        records = records.filter(region=region)
    tasks = list(records.prefetch_related(by_id))
    if not tasks:
        raise NotFound(f"{year} 年没有主要任务")
    areas = list({t.area: t.area_to_domain() for t in tasks}.values())
    subs = [s.to_domain(t) for t in tasks for s in t.sub_targets.all()]
    return TaskTree(year, "", tuple(areas), tuple(t.to_domain() for t in tasks), tuple(subs))


def verdicts(
    period: Period, today: date, region: Region | None = None, *, tree: TaskTree | None = None
) -> list[SubTargetVerdict]:
    """Every sub-target of the year (of ``region`` when given; of ``tree`` when the caller
    read it already): quantities judged at ``period``, milestones at ``today``."""
    tree = tree or task_tree(period.year, region)
    reports = progress_reports(period.year, region)
    return [
        SubTargetVerdict(s, None, judge_milestone(s, reports, today))
        if s.is_milestone
        else SubTargetVerdict(s, judge_quantity(s, reports, period), None)
        for s in tree.sub_targets
    ]


def progress_reports(year: int, region: Region | None = None) -> list[TaskProgress]:
    """Every quarterly report of ``year`` (of ``region``'s tasks when given), in the order
    they were first stored."""
    rows = TaskProgressRecord.objects.filter(year=year)
    if region is not None:
        rows = rows.filter(sub_target__task__region=region)
    fields = ("sub_target__code", "year", "quarter", "value", "done_on", "note", "source")
    return [  # plain rows: a year of reports in a few milliseconds
        TaskProgress(code, Period(y, quarter=q), value=value, done_on=done, note=note, source=src)
        for code, y, q, value, done, note, src in rows.order_by("id").values_list(*fields)
    ]


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
