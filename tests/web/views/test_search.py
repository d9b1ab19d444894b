"""The header's search finds indicators, projects, key tasks and problems by name or code."""

from __future__ import annotations

import pytest

from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord, ProjectRecord, TaskRecord


@pytest.fixture
def year_2025(db) -> None:
    load_year(DEMO_DATASET, 2025)


@pytest.mark.django_db
def test_a_name_finds_the_indicator_and_links_to_its_page(leader):
    found = leader.get("/search/", {"q": "生产总值"}).context["found"]
    assert "gdp_growth" in [h.code for h in found.indicators]
    assert any(h.url.startswith("/indicators/gdp_growth/") for h in found.indicators)


def test_a_code_finds_each_kind(year_2025, office):
    project = ProjectRecord.objects.order_by("code").first()
    task = TaskRecord.objects.filter(year=2025).order_by("code").first()
    problem = ProblemRecord.objects.order_by("code").first()
    assert project and task and problem
    found = office.get("/search/", {"q": project.code}).context["found"]
    assert [h.code for h in found.projects] == [project.code]
    assert task.code in [
        h.code for h in office.get("/search/", {"q": task.title}).context["found"].tasks
    ]
    hits = office.get("/search/", {"q": problem.code}).context["found"].problems
    assert [h.url for h in hits] == [f"/problems/{problem.code}/?region=fuling"]


@pytest.mark.django_db
def test_one_character_finds_nothing_rather_than_everything(leader):
    assert leader.get("/search/", {"q": "区"}).context["found"].count == 0


@pytest.mark.django_db
def test_the_search_is_for_government_users_only(anonymous, leader):
    assert anonymous.get("/search/", {"q": "生产总值"}).status_code == 302
    assert 'role="search"' not in anonymous.get("/report/").content.decode()
    assert 'role="search"' in leader.get("/").content.decode()
