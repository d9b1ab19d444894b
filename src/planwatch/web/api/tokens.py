"""Use cases of API tokens: create one for a user, find the user of a presented token."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from planwatch.core.errors import NotFound
from planwatch.web.api.models import ApiToken

PREFIX = "pw_"
_TOUCH_EVERY = timedelta(minutes=1)  # last_used is a hint; do not write on every request


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create(username: str, *, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``username``: the record and the token itself, shown only this once."""
    try:
        user = get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise NotFound(f"no user {username!r}") from None
    token = PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(user=user, name=name, prefix=token[:10], digest=_digest(token))
    return record, token


def user_for(token: str) -> Any | None:
    """The active user holding ``token``, or ``None``."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    record = ApiToken.objects.select_related("user").filter(digest=_digest(token)).first()
    if record is None or not record.user.is_active:
        return None
    now = timezone.now()
    if record.last_used is None or now - record.last_used > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=record.pk).update(last_used=now)
    return record.user
