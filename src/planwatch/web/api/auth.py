"""Who is calling: a bearer token (``planwatch token create USER``) or a signed-in session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from planwatch.web.accounts.roles import can_read, require
from planwatch.web.api import tokens


def _reader(request: HttpRequest, user: Any) -> Any:
    require(can_read(user), "the API is for government users (plan office, departments, leaders)")
    request.user = user
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = tokens.user_for(token)
        return None if user is None else _reader(request, user)


class SessionAuth(APIKeyCookie):
    """The pages' own session, with Django's CSRF check on writes.

    The CSRF check runs only for a signed-in session: a request with no
    session (a bad, revoked or missing token) is unauthenticated, a 401, not a
    403 about a CSRF token it never needed.
    """

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return _reader(request, user)
