"""The user's previous visit, for "new since your last visit"; one row per user.

A visit is a session: its first page that asks moves the stored beginning to
``previous`` and stamps the new one, so every page of the session compares
with the same moment. Two requests of one user racing at a session's start
may both move it; the worst outcome is one visit counted twice, so no lock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from planwatch.web.accounts.models import Visit

SESSION_KEY = "visit_noted"


def last_visit(*, actor: Any, new_visit: bool) -> datetime | None:
    """When ``actor``'s previous visit began (None: the first visit, or anonymous);
    ``new_visit`` starts a visit now."""
    if not getattr(actor, "is_authenticated", False):
        return None
    found = Visit.objects.filter(user=actor).first()
    if not new_visit:
        return None if found is None else found.previous
    now = timezone.now()
    if found is None:
        Visit.objects.create(user=actor, began=now)
        return None
    Visit.objects.filter(pk=found.pk).update(previous=found.began, began=now)
    return found.began


def since_last_visit(request: Any) -> datetime | None:
    """:func:`last_visit` for a request: the session's first page starts a visit."""
    new_visit = not request.session.get(SESSION_KEY)
    since = last_visit(actor=request.user, new_visit=new_visit)
    if new_visit:
        request.session[SESSION_KEY] = True
    return since
