"""Use cases of API tokens: create, list, revoke, and find the user of a presented token.

A token is valid while its user is active, it is not revoked and not past its
optional expiry. Its holder, or the plan office, may revoke it; revoking keeps
the record (who held it, when it was revoked).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.web.accounts.roles import can_review
from planwatch.web.api.models import ApiToken

PREFIX = "pw_"
_TOUCH_EVERY = timedelta(minutes=1)  # last_used is a hint; do not write on every request


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create(
    username: str, *, name: str = "", expires: datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``username``: the record and the token itself, shown only this once."""
    try:
        user = get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise NotFound(f"no user {username!r}") from None
    if expires is not None and expires <= timezone.now():
        raise InvalidValue("a token's expiry must lie in the future")
    token = PREFIX + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user, name=name, prefix=token[:10], digest=_digest(token), expires=expires
    )
    return record, token


def listed(*, actor: Any, username: str | None = None) -> QuerySet[ApiToken]:
    """``actor``'s own tokens; the plan office or the command line (``None``) sees all."""
    tokens = ApiToken.objects.select_related("user").order_by("-created")
    if actor is not None and not can_review(actor):
        return tokens.filter(user=actor)
    return tokens if username is None else tokens.filter(user__username=username)


@transaction.atomic
def revoke(*, actor: Any, token_id: int) -> ApiToken:
    """Revoke a token from now on; its holder, the plan office or the command line (``None``)."""
    record = ApiToken.objects.select_for_update().select_related("user").filter(pk=token_id).first()
    if record is None or (actor is not None and record.user != actor and not can_review(actor)):
        raise NotFound(f"no token {token_id}")  # another's token is not even shown to exist
    if record.revoked is None:
        record.revoked = timezone.now()
        record.save(update_fields=["revoked"])
    return record


def user_for(token: str) -> Any | None:
    """The active user holding ``token`` if it is neither revoked nor expired, or ``None``."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    now = timezone.now()
    valid = Q(revoked__isnull=True) & (Q(expires__isnull=True) | Q(expires__gt=now))
    record = ApiToken.objects.select_related("user").filter(valid, digest=_digest(token)).first()
    if record is None or not record.user.is_active:
        return None
    if record.last_used is None or now - record.last_used > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=record.pk).update(last_used=now)
    return record.user
