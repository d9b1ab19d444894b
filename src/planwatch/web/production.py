"""Refuse to serve in production without the settings production needs.

``PLANWATCH_PRODUCTION=1`` (or ``planwatch serve --production``) is enough:
``planwatch serve`` and the WSGI application (:mod:`planwatch.web.wsgi`, which
gunicorn loads) both call :func:`check` before they answer a request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from planwatch.core.errors import PlanwatchError

# Django's own measure of a strong key (security.W009): long and not repetitive.
MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "testserver"}


class NotProductionReady(PlanwatchError):
    """A production start without a secret key, allowed hosts, or with debug on."""

    code = "not_production_ready"


def problems(environ: Mapping[str, str] = os.environ) -> list[str]:
    """Every reason the environment is not fit to serve the public, as sentences."""
    found = []
    key = environ.get("PLANWATCH_SECRET_KEY", "")
    if not key:
        found.append(
            "PLANWATCH_SECRET_KEY is not set (generate one: python -c "
            "'import secrets; print(secrets.token_urlsafe(50))')"
        )
    elif len(key) < MIN_KEY_LENGTH or len(set(key)) < MIN_KEY_CHARACTERS or "insecure" in key:
        found.append(
            f"PLANWATCH_SECRET_KEY is too weak (use at least {MIN_KEY_LENGTH} random characters: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    hosts = {h.strip() for h in environ.get("PLANWATCH_ALLOWED_HOSTS", "").split(",") if h.strip()}
    if not hosts:
        found.append(
            "PLANWATCH_ALLOWED_HOSTS is not set (the names the site is reached by, comma-separated)"
        )
    elif "*" in hosts:
        found.append("PLANWATCH_ALLOWED_HOSTS may not be '*'")
    if environ.get("PLANWATCH_DEBUG", "").lower() in ("1", "true", "yes", "on"):
        found.append("PLANWATCH_DEBUG is on; debug pages show secrets to any visitor")
    return found


def wanted(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the environment asks to serve the public (``PLANWATCH_PRODUCTION``)."""
    return environ.get("PLANWATCH_PRODUCTION", "").lower() in ("1", "true", "yes", "on")


def check(environ: Mapping[str, str] = os.environ) -> None:
    """Raise :class:`NotProductionReady` naming every problem, or return quietly."""
    if found := problems(environ):
        raise NotProductionReady("refusing to start in production: " + "; ".join(found))
