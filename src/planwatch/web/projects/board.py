"""Problem-list steps taken from the board: which buttons a user sees, and taking one.

Who may take which step is the projects services' rule (plan office: 交办,
退回整改, 验收销号; the responsible department: 开始整改, 提请验收); the state
machine is the core's. This module only reads a step from the form.
"""

from __future__ import annotations

from typing import Any

from planwatch.core.errors import InvalidValue
from planwatch.core.problems import Action, Problem
from planwatch.services import problems as problem_service
from planwatch.services.problems import OFFICE_ACTIONS
from planwatch.services.project_entry import Upload
from planwatch.web.accounts.roles import can_review, can_write_for


def may_take(actor: Any, action: Action, department: str) -> bool:
    """Whether to offer ``action`` to ``actor``; the service decides again when it is taken."""
    if action in OFFICE_ACTIONS:
        return can_review(actor)
    return can_write_for(actor, department)


def take(
    *,
    actor: Any,
    code: str,
    action: str,
    note: str = "",
    uploads: tuple[Upload, ...] = (),
    region: str | None = None,
) -> Problem:
    """Take the step named ``action`` on problem ``code`` (of ``region``) with the evidence
    files uploaded."""
    try:
        chosen = Action(action)
    except ValueError:
        raise InvalidValue(f"没有「{action}」这一步。") from None
    return problem_service.take_problem_step(
        code, chosen, actor=actor, region=region, note=note.strip(), uploads=uploads
    )
