"""Corrections of approved values: a new revision with a reason, reviewed like any submission.

An approved submission is locked. To change its value the department files a
correction: a new :class:`Submission` linked to it (``corrects``), for the
same period and status, with a mandatory reason, sent straight for review.
When the plan office approves it, the corrected value's observation is
deleted with the reason in its history and the correction's observation
(``submission:<id>``) takes its place; the old value remains in the audit log
and on the original submission. Other origins' values (a published estimate, a
later actual) are untouched, so "an actual supersedes an estimate, both kept"
still holds. Corrections are accepted in closed periods: that is what they are for.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.web.accounts.roles import can_write_for, require
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions import services
from planwatch.web.submissions.models import State, Submission


def correctable(*, actor: Any, submission_id: int) -> Submission:
    """An approved submission the actor's department may correct, with no correction pending."""
    original = services.get(submission_id)
    require(can_write_for(actor, original.department), "不能更正其他部门的报送。")
    if original.state != State.APPROVED:
        raise Conflict(f"该报送{original.get_state_display()},只有已通过的数值需要更正。")
    pending = original.corrections.exclude(state=State.APPROVED).first()
    if pending is not None:
        raise Conflict(f"该数值已有一条更正({pending.get_state_display()}),请先处理那一条。")
    if original.corrections.filter(state=State.APPROVED).exists():
        raise Conflict("该数值已被更正,请更正最新的一条。")
    return original


@transaction.atomic
def correct(*, actor: Any, submission_id: int, entry: services.Entry, reason: str) -> Submission:
    """File a correction of an approved submission (same period and status) for review."""
    services.locked(submission_id)  # two corrections of one value cannot race
    original = correctable(actor=actor, submission_id=submission_id)
    if not reason.strip():
        raise InvalidField("reason", "更正时请写明原因。")
    if str(Period.parse(entry.period)) != original.period or entry.status != original.status:
        raise InvalidField("period", "更正不能改变报告期和实际/预计,请另行报送。")
    problems = services.entry_problems(original.indicator, entry)
    if problems:
        raise InvalidValue(" ".join(problems.values()))
    services.check_rules(original.indicator_id, entry)
    correction = Submission(
        indicator=original.indicator,
        department=original.department,
        author=actor,
        corrects=original,
        reason=reason.strip(),
        period=original.period,
        year=original.year,
        value=entry.value,
        status=original.status,
        note=entry.note.strip(),
        state=State.SUBMITTED,
    )
    return history.save(correction, actor=actor, reason=f"更正报送 #{original.id}:{reason.strip()}")


def supersede(correction: Submission, actor: Any) -> None:
    """Remove the corrected value's observation, its history naming the correction and reason."""
    original = correction.corrects
    if original is None or original.observation_id is None:
        return
    old = ObservationRecord.objects.select_for_update().get(id=original.observation_id)
    why = f"由报送 #{correction.id} 更正:{correction.reason}"
    history.delete(old, actor=actor, reason=why)
