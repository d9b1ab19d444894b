"""The cast of the project tests: the plan office, two clerks of different departments, a leader."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user


@pytest.fixture
def office(db: None) -> User:
    return create_user("wang", "pw", Role.PLAN_OFFICE)


@pytest.fixture
def transport_clerk(db: None) -> User:
    return create_user("li", "pw", Role.CLERK, department="区交通局")


@pytest.fixture
def water_clerk(db: None) -> User:
    return create_user("zhao", "pw", Role.CLERK, department="区水利局")


@pytest.fixture
def leader(db: None) -> User:
    return create_user("chen", "pw", Role.LEADER)


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    """Hash test passwords cheaply: the cast is created for nearly every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
