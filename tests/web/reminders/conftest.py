"""Reminder tests open real periods of the demo data; bob and carol have e-mail addresses."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from planwatch.core.project_dataset import read_departments
from planwatch.services import values
from planwatch.services.value_checks import Entry
from planwatch.web.projects.models import Department
from planwatch.web.submissions import periods
from planwatch.web.submissions.models import ReportingPeriod, Submission
from tests.conftest import DEMO_DATASET
from tests.web.conftest import indicator

DUE = date(2026, 1, 15)  # the 2025-Q4 values are due then


def who(caller) -> User:
    return User.objects.get(username=caller.username)


@pytest.fixture
def departments(db: None) -> None:
    """The demo's departments, as its project data registers them for the problem list."""
    names = read_departments(DEMO_DATASET / "departments.csv")
    Department.objects.bulk_create([Department(name=n) for n in names], ignore_conflicts=True)


@pytest.fixture
def quarter(demo, alice, bob, carol) -> ReportingPeriod:
    """2025-Q4 open until DUE: 区统计局 owes GDP and income growth, 区商务委 online sales of
    farm produce, nine other departments one value each."""
    for clerk in (bob, carol):
        User.objects.filter(username=clerk.username).update(email=f"{clerk.username}@example.org")
    return periods.open_period(actor=who(alice), region_code="fuling", period="2025-Q4", due=DUE)


def submit(caller, code: str, period: str = "2025-Q4", value: float = 6.1) -> Submission:
    entry = Entry(period, value)
    return values.submit_value(actor=who(caller), indicator_id=indicator(code).id, entry=entry)
