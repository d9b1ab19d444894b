"""What a problem's page, a key task's page and a project's change history show (read only).

Verdicts come from the same services the tree and the board use
(``services.tasks.verdicts``, the core problem rules); this module picks one
item and what hangs off it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Max

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period
from planwatch.core.problems import LinkKind, Problem
from planwatch.core.project_rows import PROGRESS_FIELDS, PROJECT_FIELDS
from planwatch.core.tasks import Area, Task
from planwatch.services import problems as problem_service
from planwatch.services import regions, tasks
from planwatch.web.plan.models import Region
from planwatch.web.projects.baseline import BASELINE_REASON
from planwatch.web.projects.models import (
    Department,
    ProgressRecord,
    ProjectRecord,
    TaskProgressRecord,
    TaskRecord,
)

PROGRESS_SUBJECT = "月度进度"


@dataclass(frozen=True)
class ProblemPage:
    problem: Problem
    overdue: bool
    link_year: int | None  # the plan year of a linked project or task, for its page's address
    region: Region  # the problem's, and a linked project's (codes are unique within a region)


def problem_page(
    code: str, today: date, region: str | None = None, *, actor: Any = None
) -> ProblemPage:
    """Problem ``code`` of ``region`` (see :func:`planwatch.services.problems.problem_record`)
    and the year of what it is linked to."""
    record = problem_service.problem_record(code, region, actor=actor)
    problem, year = record.to_domain(), None
    if problem.link_kind is LinkKind.PROJECT:
        linked = ProjectRecord.objects.filter(region=record.region, code=problem.link)
        year = linked.values_list("year", flat=True).first()
    elif problem.link_kind is LinkKind.TASK:
        tasks = TaskRecord.objects.filter(code=problem.link)
        year = tasks.aggregate(y=Max("year"))["y"]
    return ProblemPage(problem, problem.is_overdue(today), year, record.region)


@dataclass(frozen=True)
class SubTargetRow:
    verdict: tasks.SubTargetVerdict
    quarters: list[Any]  # the reported value (or done date) of Q1..Q4, None where not reported


@dataclass(frozen=True)
class TaskPage:
    period: Period
    area: Area
    task: Task
    rows: list[SubTargetRow]
    problems: list[Problem]
    region: Region  # the task's: its problems' codes are unique within it


def task_page(code: str, year: str | None, today: date, *, actor: Any = None) -> TaskPage:
    """Task ``code`` of ``year`` (default: the latest year that has it), judged like the tree;
    ``Forbidden`` to an ``actor`` of another district."""
    held = {t.year: t for t in TaskRecord.objects.filter(code=code).select_related("region")}
    years = sorted(held)
    if not years:
        raise NotFound(f"没有主要任务 {code!r}。")
    chosen = years[-1] if not year else int(year) if year.isdigit() else -1
    if chosen not in years:
        raise NotFound(f"{year}年没有主要任务 {code!r}。")
    region = held[chosen].region
    regions.require_sees(region.pk, actor=actor)
    of_region = TaskProgressRecord.objects.filter(year=chosen, sub_target__task__region=region)
    reported = of_region.aggregate(q=Max("quarter"))["q"]
    period = Period(chosen, quarter=reported or 4)  # as the tree page judges
    tree = tasks.task_tree(chosen, region)
    judged = [
        v for v in tasks.verdicts(period, today, region, tree=tree) if v.sub_target.task == code
    ]
    tree_task = next(t for t in tree.tasks if t.code == code)
    area = next(a for a in tree.areas if a.ordinal == tree_task.area)
    quarters: dict[str, list[Any]] = {v.sub_target.code: [None] * 4 for v in judged}
    progress = TaskProgressRecord.objects.filter(year=chosen, sub_target__task__code=code)
    for sub, quarter, value, done_on in progress.values_list(
        "sub_target__code", "quarter", "value", "done_on"
    ):
        if sub in quarters and 1 <= quarter <= 4:
            quarters[sub][quarter - 1] = done_on if done_on is not None else value
    codes = {code, *quarters}
    linked = [
        p
        for p in problem_service.problems(region=region)
        if p.link_kind is LinkKind.TASK and p.link in codes
    ]
    rows = [SubTargetRow(v, quarters[v.sub_target.code]) for v in judged]
    return TaskPage(period, area, tree_task, rows, linked, region)


@dataclass(frozen=True)
class Change:
    """One row of a project's history: who, when, and each field's old → new."""

    at: datetime
    user: str
    kind: str  # "+" created, "~" changed, "-" deleted (simple-history's history_type)
    reason: str
    fields: list[tuple[str, Any, Any]]
    baseline: bool = False  # the state as loaded, recorded just before the first edit
    subject: str = ""  # what changed when it is not the project itself: "2025-10 月度进度"


def project_history(code: str, region: Region) -> list[Change]:
    """Every recorded change of ``region``'s project ``code`` and of its monthly reports,
    newest first.

    Rows exist for every change by a user (the page, the API, a workbook
    import, the admin); dataset loads write none (their state shows as the
    baseline of the first change after them).
    """
    changes = _project_changes(code, region) + _progress_changes(code, region)
    return sorted(changes, key=lambda c: c.at, reverse=True)


def _progress_changes(code: str, region: Region) -> list[Change]:
    """Each report's history rows, a revision as old → new; the loaded state is not repeated."""
    rows = list(
        ProgressRecord.history.filter(  # type: ignore[attr-defined]
            project__region=region, project__code=code
        )
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    labels = {"completed": PROGRESS_FIELDS["completed"], "reached": "节点实际日期"}
    labels |= {"narrative": PROGRESS_FIELDS["narrative"], "evidence": PROGRESS_FIELDS["evidence"]}
    changes = []
    for before, after in zip([None, *rows], rows, strict=False):
        if after.history_change_reason == BASELINE_REASON:
            continue
        earlier = before if before is not None and before.id == after.id else None
        fields = [
            (labels[name], getattr(earlier, name, None), getattr(after, name))
            for name in labels
            if earlier is None or getattr(earlier, name) != getattr(after, name)
        ]
        if earlier is None:
            fields = [f for f in fields if f[2] not in (None, "", {}, [])]
        user = after.history_user.get_username() if after.history_user else ""
        subject = f"{after.year}-{after.month:02d} {PROGRESS_SUBJECT}"
        reason = after.history_change_reason or ""
        changes.append(
            Change(after.history_date, user, after.history_type, reason, fields, subject=subject)
        )
    return changes


def _project_changes(code: str, region: Region) -> list[Change]:
    rows = list(
        ProjectRecord.history.filter(region=region, code=code)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    labels = {f.name: str(f.verbose_name) for f in ProjectRecord._meta.fields} | PROJECT_FIELDS
    departments = dict(Department.objects.values_list("id", "name"))
    changes = []
    for before, after in zip([None, *rows], rows, strict=False):
        fields = []
        if before is not None and after.history_type == "~":
            delta = after.diff_against(before)
            fields = [
                (labels.get(c.field, c.field), *_shown(c.field, c.old, c.new, departments))
                for c in delta.changes
            ]
        user = after.history_user.get_username() if after.history_user else ""
        reason = after.history_change_reason or ""
        baseline = before is None and reason == BASELINE_REASON
        changes.append(
            Change(after.history_date, user, after.history_type, reason, fields, baseline)
        )
    return changes


def _shown(name: str, old: Any, new: Any, departments: dict[int, str]) -> tuple[Any, Any]:
    """A department change as names, not row ids."""
    if name == "department":
        return departments.get(old, old), departments.get(new, new)
    return old, new
