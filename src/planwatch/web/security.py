"""Security that Django does not configure by itself: a content security policy
and login rate limiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

# Pages, HTMX and ECharts load scripts from our own origin only; ECharts and
# HTMX set inline styles, so styles allow 'unsafe-inline' (scripts never do).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    """Add the CSP to every response that has none (Django 5.2 has no CSP of its own)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class RateLimitedBackend(ModelBackend):
    """Django's login, locked for a while after repeated failures of a username at an address.

    ``LOGIN_FAILURE_LIMIT`` failures within ``LOGIN_LOCK_SECONDS`` lock that
    username at that address for ``LOGIN_LOCK_SECONDS``; a success clears the count.
    The count lives in the cache (shared between processes when the cache is).
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        key = _key(request, username)
        if cache.get(key, 0) >= settings.LOGIN_FAILURE_LIMIT:
            raise PermissionDenied("too many failed logins; try again later")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            cache.add(key, 0, timeout=settings.LOGIN_LOCK_SECONDS)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=settings.LOGIN_LOCK_SECONDS)
        else:
            cache.delete(key)
        return user


def _key(request: HttpRequest | None, username: str | None) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"login-failures:{(username or '').lower()[:150]}:{address}"
