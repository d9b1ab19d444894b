"""Who may do what — a stand-in with the same names as the ``web`` branch's
``accounts.roles`` and ``errors``, until that branch lands on main (then this
module goes and its importers import from there).

Roles are Django groups: ``plan_office`` (or superuser) may write everything
and review; ``clerk`` writes its own department's data (the department is
``user.profile.department``); ``leader`` reads; a user in no group is public.
"""

from __future__ import annotations

from typing import Any

from planwatch.core.errors import PlanwatchError


class Forbidden(PlanwatchError):
    """The actor's role or department does not allow this action."""

    code = "forbidden"


class Conflict(PlanwatchError):
    """The action does not fit the object's state (a stale version, a duplicate)."""

    code = "conflict"


def _groups(user: Any) -> set[str]:
    return set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()


def department_of(user: Any) -> str:
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.department if profile else ""


def can_review(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or "plan_office" in _groups(user)))


def can_read(user: Any) -> bool:
    return can_review(user) or bool(_groups(user) & {"clerk", "leader"})


def can_write_for(user: Any, department: str) -> bool:
    if can_review(user):
        return True
    return "clerk" in _groups(user) and bool(department) and department_of(user) == department


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise Forbidden(message)
