"""Roles as Django groups, and the permission rules every view and service asks.

| role | may |
|---|---|
| plan office 区发展改革委 | everything: read, enter any value, review submissions |
| department clerk | read everything; write only its own department's data |
| leader | read everything |
| public | the published report only (as anonymous visitors) |

Superusers count as plan office. A user in no group is public.

A user's profile region narrows all of it (:func:`regions_of`): a district's
clerks and office see and write their district only; a city's users (a
profile region of 重庆市) see every district of the city and the city view;
without a region, every region.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from planwatch.web.errors import Forbidden


class Role(StrEnum):
    PLAN_OFFICE = "plan_office"
    CLERK = "clerk"
    LEADER = "leader"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        """The role's name in the active language."""
        return str(_LABELS[self])


_LABELS = {
    Role.PLAN_OFFICE: _("Plan office"),
    Role.CLERK: _("Department clerk"),
    Role.LEADER: _("Leader"),
    Role.PUBLIC: _("Public"),
}
_PRECEDENCE = (Role.PLAN_OFFICE, Role.CLERK, Role.LEADER)


def role_of(user: Any) -> Role:
    """The user's role, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return Role.PUBLIC
    cached = getattr(user, "_planwatch_role", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = Role.PLAN_OFFICE if user.is_superuser else Role.PUBLIC
        if not user.is_superuser:
            cached = next((r for r in _PRECEDENCE if r.value in names), Role.PUBLIC)
        user._planwatch_role = cached
    return cached


def department_of(user: Any) -> str:
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.department if profile else ""


def region_of(user: Any) -> int | None:
    """The id of the one region ``user`` may see (a district's users), ``None`` for every one."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.region_id if profile else None


def regions_of(user: Any) -> frozenset[int] | None:
    """The ids of the regions ``user`` may see: a district's users their district, a city's
    users the city and its districts (the city office's 晾晒), ``None`` for every one.

    One query for a city's districts, read once per request and kept on the user object.
    """
    own = region_of(user)
    if own is None:
        return None
    cached = getattr(user, "_planwatch_regions", None)
    if cached is None:
        from planwatch.web.plan.models import Region  # the CLI imports roles before Django loads

        below = Region.objects.filter(parent_id=own).values_list("pk", flat=True)
        cached = user._planwatch_regions = frozenset({own, *below})
    return cached  # type: ignore[no-any-return]


def can_read(user: Any) -> bool:
    """Dashboard, indicators, comparison: everyone inside the government."""
    return role_of(user) is not Role.PUBLIC


def can_write_for(user: Any, department: str, region_id: int | None = None) -> bool:
    """Enter values for indicators owned by ``department`` (of the region ``region_id``, when
    given: a district's users write only for their district)."""
    seen = regions_of(user) if region_id is not None else None
    if seen is not None and region_id not in seen:
        return False
    role = role_of(user)
    if role is Role.PLAN_OFFICE:
        return True
    return role is Role.CLERK and bool(department) and department_of(user) == department


def can_review(user: Any, region_id: int | None = None) -> bool:
    """Review, approve and manage (of the region ``region_id``, when given: a district's
    plan office reviews only its district's submissions, projects and problems)."""
    seen = regions_of(user) if region_id is not None else None
    if seen is not None and region_id not in seen:
        return False
    return role_of(user) is Role.PLAN_OFFICE


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise Forbidden(message)
