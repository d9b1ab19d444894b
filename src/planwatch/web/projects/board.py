"""Problem-list steps taken from the web, with who may take which.

| step | who |
|---|---|
| 交办 assign, 退回整改 send back, 验收销号 close | plan office |
| 开始整改 start, 提请验收 submit | the responsible department's clerk (or the plan office) |

The state machine itself (which step follows which, evidence, the checker
not being a rectifier) is the core's; refused steps raise ``IllegalTransition``.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.problems import Action, Problem
from planwatch.web.accounts.roles import can_review, can_write_for, require
from planwatch.web.projects import problem_services
from planwatch.web.projects.models import ProblemRecord

OFFICE_ACTIONS = {Action.ASSIGN, Action.SEND_BACK, Action.CLOSE}
DEPARTMENT_ACTIONS = {Action.START, Action.SUBMIT}


def may_take(actor: Any, action: Action, department: str) -> bool:
    if action in OFFICE_ACTIONS:
        return can_review(actor)
    return can_write_for(actor, department)


@transaction.atomic
def take(*, actor: Any, code: str, action: str, note: str = "", evidence: str = "") -> Problem:
    """Take ``action`` on problem ``code`` as ``actor``; evidence is a list of file names."""
    try:
        chosen = Action(action)
    except ValueError:
        raise InvalidValue(f"没有「{action}」这一步。") from None
    department = (
        ProblemRecord.objects.filter(code=code).values_list("department__name", flat=True).first()
    )
    if department is None:
        raise NotFound(f"没有问题 {code!r}。")
    require(may_take(actor, chosen, department), f"您不能对该问题「{chosen.label_zh}」。")
    files = tuple(name.strip() for name in evidence.splitlines() if name.strip())
    return problem_services.take_step(
        code, chosen, actor=actor.get_username(), note=note.strip(), evidence=files
    )
