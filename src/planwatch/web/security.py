"""Security that Django does not configure by itself: a content security policy,
login rate limiting, and the refusal of NUL characters in addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

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


class RefuseNulMiddleware:
    """A NUL character in the path or the query is bad input (400), before any view runs.

    No name, code or filter of planwatch holds one, and PostgreSQL refuses it in
    any text, so a view that passed it on would fail with a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _nul_field(request)
        if field is None:
            return self.get_response(request)
        message = f"{field}: NUL characters are not allowed"
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"code": "invalid_input", "message": message, "field": field}, status=400
            )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _nul_field(request: HttpRequest) -> str | None:
    if "\x00" in request.path:
        return "path"
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in v for v in values):
            return name.replace("\x00", "")
    return None


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
    address = client_address(request) if request is not None else ""
    return f"login-failures:{(username or '').lower()[:150]}:{address}"


def client_address(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind a proxy the header it sets
    (``PLANWATCH_CLIENT_IP_HEADER``; the rate limits read the same one)."""
    return str(request.META.get(settings.RATELIMIT_IP_META_KEY, ""))
