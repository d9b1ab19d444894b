"""What every page's header needs: the user's role and the pages it may open."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest

from planwatch.web.accounts.roles import (
    Role,
    can_read,
    can_review,
    department_of,
    region_of,
    role_of,
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None:
        return {}
    role = role_of(user)
    kept = {k: request.GET[k] for k in ("region", "year") if request.GET.get(k)}
    return {
        "scope_query": "?" + urlencode(kept) if kept else "",
        "role": role,
        "role_label": role.label,
        "department": department_of(user),
        "own_region": region_of(user),  # a district's users get no link to the city view
        "can_read": can_read(user),
        "can_submit": role in (Role.PLAN_OFFICE, Role.CLERK),
        "can_review": can_review(user),
        "can_rank": role in (Role.PLAN_OFFICE, Role.LEADER),  # the rankings in the menu
    }
