"""The caller's own API tokens: list them (never the secret), revoke one."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from planwatch.web.api import tokens
from planwatch.web.api.types import Id

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created: datetime
    last_used: datetime | None
    expires: datetime | None
    revoked: datetime | None


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request: HttpRequest) -> Any:
    """The caller's tokens, newest first: the first characters, when made, last used, expiry."""
    return tokens.listed(actor=request.user).filter(user=request.user)


@router.delete("/tokens/{token_id}", response=TokenOut)
def revoke_token(request: HttpRequest, token_id: Id) -> Any:
    """Revoke one of the caller's tokens from now on (it stays listed, with the time)."""
    return tokens.revoke(actor=request.user, token_id=token_id)
