"""The shared cast of the page tests, on the Fuling demo dataset loaded once per session.

The data is loaded into the test database when the first test here needs it
and stays for the session; pytest-django runs database tests in collection
order, so this folder ("views") comes after the web tests that want an empty
database (tests/web/plan, ...). Transactional tests (the browser ones) flush it.

| who | role | department |
|---|---|---|
| ``office`` | plan office | — |
| ``deputy`` | plan office (approves what ``office`` submits: four eyes) | — |
| ``stats`` | clerk | 区统计局 (owns GDP growth, income growth) |
| ``commerce`` | clerk | 区商务委 (owns retail, trade, FDI) |
| ``leader`` | leader | — |
| anonymous | public | — |
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects.demo import load_year

PASSWORD = "correct horse battery staple"
CAST = {
    "office": (Role.PLAN_OFFICE, ""),
    "deputy": (Role.PLAN_OFFICE, ""),
    "stats": (Role.CLERK, "区统计局"),
    "commerce": (Role.CLERK, "区商务委"),
    "leader": (Role.LEADER, ""),
    "citizen": (Role.PUBLIC, ""),
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_dataset(DEMO_DATASET)
        load_year(DEMO_DATASET, 2025)
        for name, (role, department) in CAST.items():
            create_user(name, PASSWORD, role, department=department)


def user(name: str) -> User:
    return User.objects.get(username=name)


def client_for(name: str | None) -> Client:
    """A test client signed in as one of the cast (``None``: an anonymous visitor)."""
    client = Client()
    if name is not None:
        client.force_login(user(name))
    return client


def indicator(code: str) -> IndicatorRecord:
    return IndicatorRecord.objects.get(region__code="fuling", code=code)


@pytest.fixture
def office(db) -> Client:
    return client_for("office")


@pytest.fixture
def deputy(db) -> Client:
    return client_for("deputy")


@pytest.fixture
def stats(db) -> Client:
    return client_for("stats")


@pytest.fixture
def commerce(db) -> Client:
    return client_for("commerce")


@pytest.fixture
def leader(db) -> Client:
    return client_for("leader")


@pytest.fixture
def anonymous(db) -> Client:
    return client_for(None)
