"""Errors of the web layer, and the one place where domain errors become HTTP statuses."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planwatch.core.errors import InvalidValue, NotFound, PlanwatchError
from planwatch.core.problems import IllegalTransition


class Forbidden(PlanwatchError):
    """The actor's role or department does not allow this action."""

    code = "forbidden"


class Conflict(PlanwatchError):
    """The action does not fit the object's state (approving a draft, editing an approved value)."""

    code = "conflict"


class TryLater(PlanwatchError):
    """Too many requests (429) or too much work at once (503): ask again after a while."""

    code = "try_later"

    def __init__(self, message: str, *, status: int, retry_after: int) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


_STATUS = {Forbidden: 403, NotFound: 404, Conflict: 409, IllegalTransition: 409, InvalidValue: 400}


class DomainErrorMiddleware:
    """Render a domain error raised by a view or service as a page with its HTTP status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not isinstance(exc, PlanwatchError):
            return None
        status = next((s for kind, s in _STATUS.items() if isinstance(exc, kind)), 400)
        status = getattr(exc, "status", status)
        problems = getattr(exc, "problems", None)  # a workbook's every bad cell
        context = {"status": status, "message": exc.message, "problems": problems}
        response = render(request, "error.html", context, status=status)
        if isinstance(exc, TryLater):
            response["Retry-After"] = str(exc.retry_after)
        return response
