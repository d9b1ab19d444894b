"""Key tasks (主要任务): a year's tree judged as on the web page, one task, quarterly progress."""

from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.tasks import Task, TaskProgress
from planwatch.services import regions, tasks
from planwatch.services.tasks import SubTargetVerdict
from planwatch.web.api.types import Key, Number, Quarter, RegionCode, Text, Year
from planwatch.web.projects import pages

router = Router(tags=["tasks"])
TaskCode = Annotated[Key, Field(examples=["1-1"])]
SubTargetCode = Annotated[Key, Field(examples=["3-1-1"])]


class SubTargetOut(Schema):
    code: str
    subject: str
    text: str
    source: str
    lead: str
    cooperating: list[str]
    unit: str
    measure: str
    due: date | None = Field(description="a milestone's due date; null for a quantity")
    milestone: bool
    verdict: str = Field(description="above/met/below/no_data… or done/on_time/overdue")
    verdict_zh: str
    actual: float | None
    attainment: float | None = Field(description="%")


class TaskOut(Schema):
    code: str
    area: str
    ordinal: str
    title: str
    source: str
    lead: str
    cooperating: list[str]
    sub_targets: list[SubTargetOut]


class AreaOut(Schema):
    ordinal: str
    title: str
    source: str
    note: str
    tasks: list[TaskOut]


class TreeOut(Schema):
    year: int
    period: str = Field(description="quantities are judged at this quarter, milestones today")
    areas: list[AreaOut]


class TaskProgressOut(Schema):
    sub_target: str
    period: str
    value: float | None
    done_on: date | None
    note: str
    source: str


class TaskDetailOut(TaskOut):
    period: str
    progress: list[TaskProgressOut]


class TaskProgressIn(Schema):
    period: Quarter
    value: Number | None = Field(None, description="a quantity's estimate of the year (Q4: actual)")
    done_on: date | None = Field(None, description="the day a milestone was completed")
    note: Text = Field("", max_length=2000)
    reason: Text = Field(
        "", max_length=500, description="required to revise a quarter already reported"
    )


def _sub(v: SubTargetVerdict) -> dict[str, Any]:
    s, judged = v.sub_target, v.evaluation
    verdict = judged.verdict if judged is not None else v.milestone
    assert verdict is not None  # a sub-target is a quantity or a milestone
    return {
        **{name: getattr(s, name) for name in ("code", "subject", "text", "source", "lead")},
        **{"cooperating": list(s.cooperating), "unit": s.unit, "measure": s.measure, "due": s.due},
        "milestone": s.is_milestone,
        "verdict": verdict.value,
        "verdict_zh": verdict.label_zh,
        "actual": None if judged is None else judged.actual,
        "attainment": None if judged is None else judged.attainment,
    }


def _task(task: Task, subs: list[SubTargetVerdict]) -> dict[str, Any]:
    fields = ("code", "area", "ordinal", "title", "source", "lead")
    return {
        **{name: getattr(task, name) for name in fields},
        "cooperating": list(task.cooperating),
        "sub_targets": [_sub(v) for v in subs],
    }


def _progress(r: TaskProgress) -> dict[str, Any]:
    return {
        "sub_target": r.sub_target,
        "period": str(r.period),
        "value": r.value,
        "done_on": r.done_on,
        "note": r.note,
        "source": r.source,
    }


@router.get("/tasks/{year}", response=TreeOut)
def task_tree(request: HttpRequest, year: Year, region: RegionCode = None) -> Any:
    """Areas → tasks → sub-targets of a region, judged by the engine at the latest reported
    quarter."""
    period, areas = pages.task_tree(
        str(year), timezone.localdate(), regions.region(region, actor=request.user)
    )
    return {
        "year": period.year,
        "period": str(period),
        "areas": [
            {**vars(a.area), "tasks": [_task(n.task, n.sub_targets) for n in a.tasks]}
            for a in areas
        ],
    }


@router.get("/tasks/{year}/{task_code}", response=TaskDetailOut)
def get_task(
    request: HttpRequest, year: Year, task_code: TaskCode, region: RegionCode = None
) -> Any:
    """One task of a region with its sub-targets judged and every quarterly report on them."""
    scope = regions.region(region, actor=request.user)
    period, areas = pages.task_tree(str(year), timezone.localdate(), scope)
    node = next((n for a in areas for n in a.tasks if n.task.code == task_code), None)
    if node is None:
        raise NotFound(f"{year} 年没有任务 {task_code}")
    codes = {v.sub_target.code for v in node.sub_targets}
    reports = [r for r in tasks.progress_reports(year, scope) if r.sub_target in codes]
    return {
        **_task(node.task, node.sub_targets),
        "period": str(period),
        "progress": [_progress(r) for r in reports],
    }


@router.post("/sub-targets/{sub_target_code}/progress", response={201: TaskProgressOut})
def report_task_progress(
    request: HttpRequest, sub_target_code: SubTargetCode, report: TaskProgressIn
) -> Any:
    """A quarter's report (the lead department's clerk or the plan office); a quarter
    already reported is revised with a ``reason`` and kept in the history."""
    progress = TaskProgress(
        sub_target=sub_target_code,
        period=Period.parse(report.period),
        value=report.value,
        done_on=report.done_on,
        note=report.note,
    )
    stored = tasks.report_subtarget_progress(progress, actor=request.user, reason=report.reason)
    return 201, _progress(stored)
