"""The synthetic demo register reproduces the seed's project figures (seed:L115, seed:L143)."""

from decimal import Decimal
from pathlib import Path

import pytest

import planwatch
from planwatch.core.observations import Period
from planwatch.core.progress import assess_all
from planwatch.core.project_dataset import ProjectData, read_project_data
from planwatch.core.project_totals import group_totals, status_totals, totals
from planwatch.core.projects import Level, to_yi

DATA = Path(planwatch.__file__).parent / "data" / "fuling"


@pytest.fixture(scope="module")
def data() -> ProjectData:
    return read_project_data(DATA, 2025)


def test_the_register_holds_286_government_projects_of_258_2_yi_with_82_9_yi_for_2025(
    data: ProjectData,
) -> None:
    government = totals(p for p in data.projects if p.government)
    assert government.count == 286
    assert to_yi(government.total) == Decimal("258.2")
    assert to_yi(government.annual_plan) == Decimal("82.9")


def test_the_government_projects_split_by_category_as_the_seed_says(data: ProjectData) -> None:
    groups = group_totals((p for p in data.projects if p.government), "category")
    assert {g.key: (g.count, to_yi(g.annual_plan)) for g in groups} == {
        "新开工": (154, Decimal("44.5")),
        "续建": (12, Decimal("14.7")),
        "完工": (120, Decimal("23.7")),
    }


def test_the_register_holds_104_district_key_projects_with_230_yi_for_2025(
    data: ProjectData,
) -> None:
    key = totals(p for p in data.projects if p.level is Level.DISTRICT_KEY)
    assert (key.count, to_yi(key.annual_plan)) == (104, Decimal(230))


def test_every_project_and_report_is_labelled_synthetic(data: ProjectData) -> None:
    assert {p.source for p in data.projects} == {"synthetic"}
    assert {r.source for r in data.progress} == {"synthetic"}
    assert all("(合成)" in p.name for p in data.projects)


@pytest.mark.parametrize("by", ["category", "level", "department", "town"])
def test_every_grouping_adds_up_to_the_register(data: ProjectData, by: str) -> None:
    whole = totals(data.projects)
    groups = group_totals(data.projects, by)
    assert sum(g.count for g in groups) == whole.count
    assert sum(g.total for g in groups) == whole.total
    assert sum(g.annual_plan for g in groups) == whole.annual_plan


def test_progress_runs_january_to_october_with_a_mix_of_on_track_and_lagging(
    data: ProjectData,
) -> None:
    assert {r.period.month for r in data.progress} == set(range(1, 11))
    statuses = assess_all(data.projects, data.progress, Period(2025, month=6))
    lagging = status_totals(statuses, "category")
    share = sum(g.lagging for g in lagging) / len(statuses)
    assert 0.05 < share < 0.3
