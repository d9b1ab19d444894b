"""The cast of the web tests: the demo dataset, a user of every role, and their tokens.

alice works in the plan office, deputy too (the second pair of eyes on
alice's own submissions); bob is a clerk of 区统计局 (owner of GDP
growth), carol a clerk of 区商务委 (owner of retail sales growth); dave is a
leader; erin has no role (public).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.api import tokens
from planwatch.web.plan import services
from planwatch.web.plan.models import IndicatorRecord
from tests.conftest import DEMO_DATASET


@dataclass
class Caller:
    """A test client that sends one user's token with every request."""

    username: str
    token: str

    def __getattr__(self, method: str) -> Any:
        client = Client(HTTP_AUTHORIZATION=f"Bearer {self.token}")
        send = getattr(client, method)

        def call(path: str, data: Any = None, **extra: Any) -> Any:
            if method in ("post", "put", "patch"):
                return send(path, data, content_type="application/json", **extra)
            return send(path, data, **extra)

        return call


def _caller(username: str, role: Role, department: str = "") -> Caller:
    create_user(username, f"pw-{username}-long-enough", role, department=department)
    return Caller(username, tokens.create(username)[1])


@pytest.fixture
def demo(db: None) -> None:
    services.load_dataset(DEMO_DATASET)


@pytest.fixture
def alice(db: None) -> Caller:
    return _caller("alice", Role.PLAN_OFFICE)


@pytest.fixture
def deputy(db: None) -> Caller:
    return _caller("deputy", Role.PLAN_OFFICE)


@pytest.fixture
def bob(db: None) -> Caller:
    return _caller("bob", Role.CLERK, "区统计局")


@pytest.fixture
def carol(db: None) -> Caller:
    return _caller("carol", Role.CLERK, "区商务委")


@pytest.fixture
def dave(db: None) -> Caller:
    return _caller("dave", Role.LEADER)


@pytest.fixture
def erin(db: None) -> Caller:
    return _caller("erin", Role.PUBLIC)


def indicator(code: str) -> IndicatorRecord:
    return IndicatorRecord.objects.get(code=code)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """Hash test passwords cheaply: the cast is created for nearly every test."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # users made before the test
    ]
