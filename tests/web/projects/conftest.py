"""The cast of the project tests: the plan office, two clerks of different departments, a leader."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user


@pytest.fixture
def office(db: None) -> User:
    return create_user("wang", "long-test-password", Role.PLAN_OFFICE)


@pytest.fixture
def transport_clerk(db: None) -> User:
    return create_user("li", "long-test-password", Role.CLERK, department="区交通局")


@pytest.fixture
def water_clerk(db: None) -> User:
    return create_user("zhao", "long-test-password", Role.CLERK, department="区水利局")


@pytest.fixture
def leader(db: None) -> User:
    return create_user("chen", "long-test-password", Role.LEADER)
