"""The reminder badges of the navigation and a clerk's "what I owe" list, read only when shown."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from planwatch.web.reminders.owed import badges, mine


def reminders(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "reminder_badges": SimpleLazyObject(lambda: badges(user)),
        "owed_now": SimpleLazyObject(lambda: mine(user)),
    }
