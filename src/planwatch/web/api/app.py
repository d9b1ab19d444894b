"""The API: one NinjaAPI at ``/api/``, docs at ``/api/docs``, schema at ``/api/openapi.json``."""

from __future__ import annotations

from ninja import NinjaAPI

from planwatch.web.api import (
    audit,
    errors,
    evaluations,
    indicators,
    observations,
    regions,
    rules,
    targets,
)
from planwatch.web.api.auth import SessionAuth, TokenAuth

api = NinjaAPI(
    title="planwatch API",
    version="1",
    description=(
        "Read and change a region's development plan: indicators, targets, values, "
        "evaluations, the audit log. Authenticate with `Authorization: Bearer pw_…` "
        "(`planwatch token create USER`); a token acts with its user's permissions. "
        'Errors are `{"code", "message", "field"}`.'
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)
errors.install(api)
for module in (regions, indicators, targets, rules, observations, evaluations, audit):
    api.add_router("/", module.router)
