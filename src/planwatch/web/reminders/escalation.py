"""A value owed too long becomes a tracked problem (发现 → 交办); submitting it closes the problem.

Problems are made and moved only through the problem list's own use cases
(``report_problem``, ``take_problem_step``), so they carry the same checks and history
as any other. The job acts as the system user; when the department submits the
value, its clerk is recorded as the one who rectified (开始整改, 提请验收 with the
submission as evidence) and the system user closes it (验收销号): the state
machine's rule that a rectifier may not close their own problem holds.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.core.errors import PlanwatchError
from planwatch.core.problems import Action, LinkKind, Problem, Severity, Source, State
from planwatch.core.reminders import becomes_problem
from planwatch.services.problems import problem, report_problem, take_problem_step
from planwatch.web.projects.models import Department
from planwatch.web.reminders.models import OverdueProblem
from planwatch.web.reminders.owed import DONE
from planwatch.web.reminders.system import system_user
from planwatch.web.submissions.models import State as SubmissionState
from planwatch.web.submissions.models import Submission
from planwatch.web.submissions.periods import Obligation, obligations

log = logging.getLogger(__name__)
RECTIFY_DAYS = 7  # the department's deadline to submit, counted from the day the problem is found


def escalate(*, today: date | None = None) -> int:
    """Make every obligation ``PLANWATCH_PROBLEM_AFTER_DAYS`` late a problem, once; the count."""
    today = today or timezone.localdate()
    actor = system_user()
    after = settings.PLANWATCH_PROBLEM_AFTER_DAYS
    made = 0
    for o in obligations(actor=actor, today=today):
        late = o.state not in DONE and becomes_problem(o.period.due, today, after)
        if late and _department_known(o) and _open_problem(o, today, actor):
            made += 1
    return made


def settle(submission: Submission) -> bool:
    """Close the problem the submitted value's obligation became, if any is open; whether it did."""
    if submission.state not in (SubmissionState.SUBMITTED, SubmissionState.APPROVED):
        return False
    link = OverdueProblem.objects.filter(
        period__region_id=submission.indicator.region_id,
        period__period=submission.period,
        indicator_id=submission.indicator_id,
    ).first()
    if link is None:
        return False
    region = submission.indicator.region.code  # a problem's code is unique within its region
    if problem(link.problem_code, region).state is State.CLOSED:
        return False
    _close(link.problem_code, region, submission)
    return True


def settle_all() -> int:
    """Close every problem whose value has been submitted since (the job's sweep); the count."""
    closed = 0
    for link in OverdueProblem.objects.select_related("period", "indicator"):
        latest = (
            Submission.objects.filter(indicator=link.indicator, period=link.period.period)
            .order_by("-id")
            .first()
        )
        if latest is not None and settle(latest):
            closed += 1
    return closed


def _open_problem(o: Obligation, today: date, actor: Any) -> bool:
    code = f"BS-{o.period.period}-{o.indicator.pk}"
    days = (today - o.period.due).days
    try:
        with transaction.atomic():
            OverdueProblem.objects.create(
                period=o.period, indicator=o.indicator, problem_code=code, created_at=timezone.now()
            )
            region = o.indicator.region
            report_problem(_problem(o, code, days), actor=actor, region=region)
            note = f"交办{o.department}:逾期{days}天未报送"
            take_problem_step(code, Action.ASSIGN, actor=actor, region=region.code, note=note)
    except IntegrityError:  # made already, by this job before or another worker just now
        return False
    except PlanwatchError as error:  # refused by the problem list: nothing kept, logged
        log.warning("obligation %s not made a problem: %s", code, error)
        return False
    return True


def _problem(o: Obligation, code: str, days: int) -> Problem:
    found = timezone.now()
    return Problem(
        code=code,
        source=Source.SCHEDULING,
        link_kind=LinkKind.INDICATOR,
        link=o.indicator.code,
        description=(
            f"{o.indicator.name}{o.period.period}数值未按期报送(截止 {o.period.due},已逾期{days}天)"
        ),
        department=o.department,
        deadline=timezone.localdate(found) + timedelta(days=RECTIFY_DAYS),
        severity=Severity.LOW,
        found_at=found,
    )


def _close(code: str, region: str, submission: Submission) -> None:
    clerk, system = submission.author, system_user()
    evidence = (f"submission:{submission.pk}",)
    note = f"已报送 {submission.period} 数值 {submission.value:g}"
    state = problem(code, region).state
    try:
        with transaction.atomic():
            if state is State.ASSIGNED:
                take_problem_step(code, Action.START, actor=clerk, region=region, note=note)
            if state in (State.ASSIGNED, State.RECTIFYING):
                take_problem_step(
                    code, Action.SUBMIT, actor=clerk, region=region, note=note, evidence=evidence
                )
            closing = "数值已报送,自动销号"
            take_problem_step(code, Action.CLOSE, actor=system, region=region, note=closing)
    except PlanwatchError as error:  # the job's sweep tries again; the submission stands
        log.warning("problem %s not closed after submission %s: %s", code, submission.pk, error)


def _department_known(o: Obligation) -> bool:
    """Problems belong to a department of the problem list; an unknown owner is logged."""
    if Department.objects.filter(name=o.department).exists():
        return True
    log.warning("no department %r in the problem list: %s stays a reminder", o.department, o)
    return False
