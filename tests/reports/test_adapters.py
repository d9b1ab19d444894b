"""Register totals, task trees and project statuses become report inputs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planwatch.core.sentences import project_sentence
from planwatch.reports.adapters import arrangement, lagging_projects, task_areas
from tests.reports.builders import seed_line


@dataclass(frozen=True)
class FakeTotals:
    key: str
    count: int
    total: Decimal
    annual_plan: Decimal


@dataclass(frozen=True)
class FakeNode:
    ordinal: str
    title: str
    source: str
    code: str = ""
    text: str = ""


@dataclass(frozen=True)
class FakeProject:
    name: str
    department: str
    source: str = "synthetic"


@dataclass(frozen=True)
class FakeStatus:
    project: FakeProject
    completion: Decimal | None
    time_progress: Decimal
    lagging: bool


def test_register_totals_give_the_seed_project_sentence_in_the_plans_category_order():
    whole = FakeTotals("", 286, Decimal(2582000), Decimal(829000))
    groups = [
        FakeTotals("完工", 120, Decimal(0), Decimal(237000)),
        FakeTotals("新开工", 154, Decimal(0), Decimal(445000)),
        FakeTotals("续建", 12, Decimal(0), Decimal(147000)),
    ]
    assert project_sentence(arrangement(2025, whole, groups)) == seed_line(115)


def test_a_task_tree_becomes_areas_of_tasks_with_quoted_sub_targets():
    area = FakeNode("(一)", "产业", "seed:L121")
    task = FakeNode("一是", "工业", "seed:L123", code="1-1")
    sub = FakeNode("", "", "seed:L123", text="力争规上工业产值突破3000亿元")
    [built] = task_areas([area], lambda a: [task], lambda t: [sub])
    assert built.tasks[0].title == "工业"
    assert built.tasks[0].sub_targets[0].text == "力争规上工业产值突破3000亿元"
    assert built.tasks[0].sub_targets[0].source == "seed:L123"


def test_only_lagging_projects_are_listed_worst_first():
    statuses = [
        FakeStatus(FakeProject("甲", "区交通局"), Decimal(60), Decimal(75), True),
        FakeStatus(FakeProject("乙", "区水利局"), Decimal(20), Decimal(75), True),
        FakeStatus(FakeProject("丙", "区水利局"), Decimal(80), Decimal(75), False),
    ]
    assert [p.name for p in lagging_projects(statuses)] == ["乙", "甲"]
