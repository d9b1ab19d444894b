"""The one place where errors become API responses: ``{"code", "message", "field"}``.

Domain errors keep their stable ``code``; the status comes from it. Input the
schema refuses is ``invalid_input`` (400), naming the first offending field;
input the schema accepts but a rule of the plan refuses (a closed period, an
implausible value, a missing reason for a correction) is 422 with the rule's
code, so a client can tell a malformed request from a refused one.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from planwatch.core.errors import PlanwatchError
from planwatch.web.api.types import NO_NUL
from planwatch.web.errors import TryLater

log = logging.getLogger("django.request")
STATUS = {
    "not_found": 404,
    "forbidden": 403,
    "conflict": 409,
    "illegal_transition": 409,  # a problem step its state does not allow, as on the web
    "unauthorized": 401,
}
REFUSED = 422  # every other domain error: well-formed, refused by a rule


def body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "field": field}


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, payload: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, payload, status=status)

    @api.exception_handler(PlanwatchError)
    def domain(request: HttpRequest, exc: PlanwatchError) -> HttpResponse:
        field = getattr(exc, "field", None)
        status = getattr(exc, "status", STATUS.get(exc.code, REFUSED))
        response = respond(request, status, body(exc.code, exc.message, field))
        if isinstance(exc, TryLater):
            response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("body", "payload")]
        message = first.get("msg", "invalid input")
        if (first.get("ctx") or {}).get("pattern") == NO_NUL:
            message = "NUL characters are not allowed"
        field = location[-1] if location else None
        return respond(request, 400, body("invalid_input", f"{field}: {message}", field))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = "send a token: Authorization: Bearer pw_… (planwatch token create USER)"
        return respond(request, 401, body("unauthorized", message))

    @api.exception_handler(Http404)
    def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, body("not_found", str(exc) or "not found"))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return respond(request, 413, body("too_large", f"the request body is over {limit} bytes"))

    @api.exception_handler(Exception)
    def failed(request: HttpRequest, exc: Exception) -> HttpResponse:
        """A fault of ours: logged with its traceback, answered without it (even in debug)."""
        log.error("API %s %s failed", request.method, request.path, exc_info=exc)
        message = "internal error; it has been logged for the administrators"
        return respond(request, 500, body("server_error", message))

    @api.exception_handler(HttpError)
    def http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, body("http_error", str(exc)))
