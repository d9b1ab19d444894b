"""The shared cast: the web tests' alice and deputy of the plan office, clerks bob and carol,
leader dave on the demo dataset; and the project tests' plan office, two clerks of different
departments and a leader. The services are tested as the surfaces call them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan import services
from planwatch.web.projects.models import Department
from tests.conftest import DEMO_DATASET
from tests.web.conftest import (  # noqa: F401  (fixtures)
    alice,
    bob,
    carol,
    dave,
    deputy,
    fast_passwords,
)


@pytest.fixture
def demo(db: None) -> None:
    """The demo dataset, and the department owning the binding water indicators."""
    services.load_dataset(DEMO_DATASET)
    Department.objects.get_or_create(name="区生态环境局")


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


@pytest.fixture
def clerk(db: None) -> User:
    return create_user("li-eco", "long-test-password", Role.CLERK, department="区生态环境局")
