"""Use cases of the problem list (问题清单): report a problem, take a step, list the overdue.

A step is decided by the core state machine (:func:`planwatch.core.problems.apply`);
this module checks the actor's role, locks the problem row, appends the one new
event and mirrors the state. Events are never updated or deleted. The plan
office reports, assigns, sends back and closes; the responsible department's
clerks start the rectification and submit it for checking.

A problem belongs to a region and its code is unique within that region only:
every use case that takes a code takes the region too (a region code; see
:func:`problem_record` for the default).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.labels_en import english_label
from planwatch.core.problems import Action, Event, LinkKind, Problem, State, apply, overdue
from planwatch.services import regions
from planwatch.services.project_entry import Upload
from planwatch.web.accounts.roles import can_review, can_write_for, regions_of, require
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Conflict
from planwatch.web.language import english, name_of
from planwatch.web.plan.models import Region
from planwatch.web.projects import evidence as evidence_files
from planwatch.web.projects.models import (
    Department,
    ProblemEventRecord,
    ProblemRecord,
    ProjectRecord,
    TaskRecord,
)

OFFICE_ACTIONS = {Action.ASSIGN, Action.SEND_BACK, Action.CLOSE}


def report_problem(problem: Problem, *, actor: User, region: Region | None = None) -> Problem:
    """Enter a new problem (state 发现); only the plan office may.

    The problem is ``region``'s (default: the region of the project or key task it
    is linked to, else the actor's district or the first region). Refused with
    ``Conflict`` when the code is taken in that region, and as bad input when
    the department is unknown or the deadline is before the day it was found.
    """
    require(can_review(actor), "只有发展改革委可以登记问题。")
    if problem.history:
        raise InvalidField("history", "a new problem has no steps yet")
    if not Department.objects.filter(name=problem.department).exists():
        raise InvalidField("department", f"未知部门「{problem.department}」")
    found = problem.found_at
    if problem.deadline < (timezone.localtime(found) if timezone.is_aware(found) else found).date():
        raise InvalidField("deadline", f"整改期限 {problem.deadline} 早于发现日期")
    region = region or linked_region(problem, actor)
    require(can_review(actor, region.pk), f"只能登记{region.name}的问题。")
    try:
        return store_problem(problem, region)
    except IntegrityError:  # unique in its region; checking first would race another report
        raise Conflict(f"{region.name}的问题 {problem.code} 已存在") from None


def store_problem(problem: Problem, region: Region) -> Problem:
    """Store ``problem`` of ``region`` with the history it already has; for dataset loads,
    which are the authority themselves (as :func:`planwatch.web.plan.services.load_dataset`)."""
    with transaction.atomic():
        department = _department(problem.department)
        record = ProblemRecord.objects.create(
            region=region,
            code=problem.code,
            source=problem.source.value,
            link_kind=problem.link_kind.value,
            link=problem.link,
            description=problem.description,
            department=department,
            deadline=problem.deadline,
            severity=problem.severity.value,
            found_at=problem.found_at,
            state=problem.state.value,
        )
        ProblemEventRecord.objects.bulk_create(
            [_event(record, n, e) for n, e in enumerate(problem.history, start=1)]
        )
    return problem


def take_problem_step(
    code: str,
    action: Action,
    *,
    actor: User,
    region: str | None = None,
    note: str = "",
    evidence: tuple[str, ...] = (),
    uploads: tuple[Upload, ...] = (),
    at: datetime | None = None,
) -> Problem:
    """Take ``action`` on problem ``code`` of ``region`` (see :func:`problem_record`) as
    ``actor``.

    ``uploads`` are evidence files sent with the step (the browser's): each is
    checked as project evidence is (type by content, size), stored outside the
    web root, and listed with ``evidence`` (names only, as the API sends them).
    Raises ``Forbidden`` when the actor's role or region may not take the action,
    ``InvalidField`` for a refused file and ``IllegalTransition`` when the
    state machine refuses the step; no step is stored then.
    """
    files = [(_checked(u), u.data) for u in uploads]
    with transaction.atomic():
        record = _locked(problem_record(code, region, actor=actor).pk)
        of = record.region
        named = {"region": name_of(of), "step": _label(action), "department": ""}
        if action in OFFICE_ACTIONS:
            refused = _("Only the plan office of %(region)s may %(step)s.") % named
            require(can_review(actor, of.pk), refused)
        else:
            named["department"] = department = record.department.name
            refused = _("Only %(department)s of %(region)s may %(step)s.") % named
            require(can_write_for(actor, department, of.pk), refused)
        before, who, when = record.to_domain(), actor.get_username(), at or timezone.now()
        names = evidence + tuple(name for name, _data in files)
        apply(before, action, actor=who, at=when, note=note, evidence=names)  # refuse first
        stored = tuple(evidence_files.save_for_problem(of.code, code, n, d) for n, d in files)
        problem = apply(before, action, actor=who, at=when, note=note, evidence=evidence + stored)
        _event(record, len(problem.history), problem.history[-1]).save()
        record.state = problem.state.value
        record.save(update_fields=["state"])
    return problem


def _label(action: Action) -> str:
    return english_label(action).lower() if english() else action.label_zh


def _checked(upload: Upload) -> str:
    """The stored name of an evidence upload, or why it is refused (beside the files field)."""
    try:
        return evidence_files.checked(upload.name, upload.data)[0]
    except InvalidValue as refused:
        raise InvalidField("files", refused.message) from None


def problem(code: str, region: str | None = None, *, actor: Any = None) -> Problem:
    """The problem ``code`` of ``region`` (see :func:`problem_record`) with every step taken."""
    return problem_record(code, region, actor=actor).to_domain()


def problem_record(code: str, region: str | None = None, *, actor: Any = None) -> ProblemRecord:
    """Problem ``code`` of the region ``region`` (a region code), ``NotFound`` otherwise.

    Codes are unique within a region only. Without ``region``: the only problem
    of that code, else the one of ``actor``'s district, else the default region's
    (:func:`planwatch.services.regions.of_code`). An ``actor`` of a district is
    refused (``Forbidden``) a problem of another region, naming that region.
    """
    records = ProblemRecord.objects.select_related("department", "region")
    found = regions.of_code(records, code, region, actor=actor)
    if found is None:
        raise NotFound(f"问题 {code} 不存在")
    seen = None if actor is None else regions_of(actor)
    named = {"code": code, "region": name_of(found.region)}
    refused = _("Your district's problems only: %(code)s is a problem of %(region)s.") % named
    require(seen is None or found.region_id in seen, refused)
    return found


def problems(
    *, state: State | None = None, region: Region | None = None, link: str | None = None
) -> list[Problem]:
    """The problems of ``region`` (every region's when ``None``), of ``state`` and linked to
    ``link`` when given."""
    records = ProblemRecord.objects.select_related("department").prefetch_related("events")
    if state is not None:
        records = records.filter(state=state.value)
    if region is not None:
        records = records.filter(region=region)
    if link is not None:
        records = records.filter(link=link)
    return [r.to_domain() for r in records]


def overdue_problems(today: date, region: Region | None = None) -> list[Problem]:
    """Open problems (of ``region`` when given) past their deadline on ``today``, most
    overdue first."""
    open_late = ProblemRecord.objects.exclude(state=State.CLOSED.value).filter(deadline__lt=today)
    if region is not None:
        open_late = open_late.filter(region=region)
    records = open_late.select_related("department").prefetch_related("events")
    return overdue([r.to_domain() for r in records], today)


def linked_region(problem: Problem, actor: User) -> Region:
    """The region of the project or key task a new problem is linked to (the actor's district's
    when codes repeat across regions), else the actor's district or the first region."""
    default = regions.region(actor=actor)
    linked = {
        LinkKind.PROJECT: ProjectRecord.objects.filter(code=problem.link),
        LinkKind.TASK: TaskRecord.objects.filter(code=problem.link),
    }.get(problem.link_kind)
    held = [] if linked is None else list(linked.values_list("region", flat=True))
    region_id = default.pk if default.pk in held or not held else held[0]
    return default if region_id == default.pk else Region.objects.get(pk=region_id)


def _locked(pk: int) -> ProblemRecord:
    return (
        ProblemRecord.objects.select_for_update().select_related("department", "region").get(pk=pk)
    )


def _department(name: str) -> Department:
    try:
        return Department.objects.get(name=name)
    except Department.DoesNotExist:
        raise NotFound(f"未知部门「{name}」") from None


def _event(record: ProblemRecord, sequence: int, e: Event) -> ProblemEventRecord:
    return ProblemEventRecord(
        problem=record,
        sequence=sequence,
        action=e.action.value,
        before=e.before.value,
        after=e.after.value,
        actor=e.actor,
        at=e.at,
        note=e.note,
        evidence="|".join(e.evidence),
    )
