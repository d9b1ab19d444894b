from __future__ import annotations

import pytest

from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")
OPEN = {"region": "fuling", "period": "2025-Q4", "due": "2026-01-15"}


def test_the_plan_office_opens_lists_and_closes_a_period(alice):
    created = alice.post("/api/periods", OPEN)
    assert (created.status_code, created.json()["is_open"]) == (201, True)
    assert alice.post("/api/periods", OPEN).json()["code"] == "conflict"
    assert [p["period"] for p in alice.get("/api/periods").json()] == ["2025-Q4"]
    closed = alice.post("/api/periods/close", {"region": "fuling", "period": "2025-Q4"})
    assert (closed.json()["is_open"], closed.json()["closed_by"]) == (False, "alice")


def test_clerks_and_leaders_cannot_open_a_period(bob, dave):
    for caller in (bob, dave):
        answer = caller.post("/api/periods", OPEN)
        assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")


def test_obligations_show_the_clerks_own_values_and_overdue(alice, bob):
    alice.post("/api/periods", OPEN)
    owed = bob.get("/api/obligations", {"today": "2026-01-16"}).json()
    assert [(o["indicator"], o["state"], o["overdue"]) for o in owed] == [
        ("gdp_growth", "not_started", True),
        ("income_growth", "not_started", True),  # quarterly too in the demo's in-year values
    ]
    assert bob.get("/api/obligations", {"department": "区商务委"}).status_code == 403


def test_a_value_for_a_closed_period_is_refused_with_409(alice, bob):
    alice.post("/api/periods", OPEN)
    alice.post("/api/periods/close", {"region": "fuling", "period": "2025-Q4"})
    body = {"period": "2025-Q4", "value": 6.0}
    answer = bob.post(f"/api/indicators/{indicator('gdp_growth').pk}/submissions", body)
    assert (answer.status_code, answer.json()["code"]) == (409, "conflict")
    assert "关闭" in answer.json()["message"]
