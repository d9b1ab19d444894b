"""The API: one NinjaAPI at ``/api/``, docs at ``/api/docs``, schema at ``/api/openapi.json``."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from planwatch.web.api import (
    audit,
    changes,
    city,
    errors,
    evaluations,
    extraction,
    indicators,
    nowcast,
    observations,
    own_tokens,
    periods,
    problems,
    projects,
    regions,
    reports,
    rules,
    submissions,
    targets,
    tasks,
)
from planwatch.web.api.auth import SessionAuth, TokenAuth

ERROR = {
    "type": "object",
    "required": ["code", "message", "field"],
    "properties": {
        "code": {"type": "string", "description": "stable error code, e.g. not_found, conflict"},
        "message": {"type": "string"},
        "field": {"type": ["string", "null"], "description": "the input field at fault"},
    },
}


def _uploads_are_not_empty(operation: dict[str, Any]) -> None:
    """A file part must hold bytes: an empty one is no upload (Django drops it)."""
    content = operation.get("requestBody", {}).get("content", {})
    form = content.get("multipart/form-data", {}).get("schema", {})
    for field in form.get("properties", {}).values():
        if field.get("format") == "binary":
            field["minLength"] = 1


class PlanwatchAPI(NinjaAPI):
    """The API whose schema documents the error body of every 4xx answer of every operation."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"].setdefault("schemas", {})["Error"] = ERROR
        error = {"$ref": "#/components/schemas/Error"}
        for path in schema["paths"].values():
            for operation in path.values():
                _uploads_are_not_empty(operation)
                operation["responses"]["4XX"] = {
                    "description": "malformed input (400), no or bad token (401), not allowed "
                    "(403), not found (404), changed by someone else or duplicate (409), body "
                    "too large (413), refused by a rule of the plan (422), try later (429)",
                    "content": {"application/json": {"schema": error}},
                }
        return schema


api = PlanwatchAPI(
    title="planwatch API",
    version="1",
    description=(
        "Read and change a region's development plan: indicators, targets, values, "
        "department submissions, evaluations, projects and their monthly progress, key "
        "tasks, the problem list, reports as files, report extraction, the audit log. "
        "Authenticate with `Authorization: Bearer pw_…` "
        "(`planwatch token create USER`); a token acts with its user's permissions. "
        'Errors are `{"code", "message", "field"}`.'
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)
errors.install(api)
RESOURCES = (
    regions, indicators, targets, rules, observations, submissions, periods, evaluations, nowcast,
    changes, extraction, projects, tasks, problems, reports, audit, own_tokens, city,
)  # fmt: skip
for module in RESOURCES:
    api.add_router("/", module.router)
