"""The cast of the service tests: the demo dataset, the plan office, a clerk, a leader."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan import services
from planwatch.web.projects.models import Department
from tests.conftest import DEMO_DATASET


@pytest.fixture
def demo(db: None) -> None:
    services.load_dataset(DEMO_DATASET)
    Department.objects.create(name="区生态环境局")


@pytest.fixture
def office(db: None) -> User:
    return create_user("wang", "pw", Role.PLAN_OFFICE)


@pytest.fixture
def clerk(db: None) -> User:
    return create_user("li", "pw", Role.CLERK, department="区生态环境局")
