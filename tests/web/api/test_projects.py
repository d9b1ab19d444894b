from __future__ import annotations

import pytest

from planwatch.web.projects.demo import load_year
from tests.conftest import DEMO_DATASET


@pytest.fixture
def register(demo) -> None:
    load_year(DEMO_DATASET, 2025)


def test_the_register_is_listed_by_year_and_department(register, dave):
    every = dave.get("/api/projects", {"year": 2025}).json()
    assert every["count"] > 0
    department = every["items"][0]["department"]
    mine = dave.get("/api/projects", {"year": 2025, "department": department}).json()
    assert 0 < mine["count"] <= every["count"]
    assert {p["department"] for p in mine["items"]} == {department}


def test_problems_come_with_every_step_taken(register, dave):
    problems = dave.get("/api/problems", {"limit": 500}).json()["items"]
    assert problems
    stepped = [p for p in problems if p["history"]]
    assert stepped and stepped[0]["history"][-1]["after"] == stepped[0]["state"]


def test_the_public_cannot_read_projects(register, erin):
    assert erin.get("/api/projects").status_code == 403
