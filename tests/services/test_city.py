"""The city view's service: districts judged as their own pages judge them, ranked, summed,
and open to the city's users only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planwatch.cli.demo import CITY_DISTRICTS
from planwatch.core.errors import NotFound
from planwatch.core.evaluation import Verdict
from planwatch.core.observations import Period
from planwatch.services import city, regions
from planwatch.services.evaluation import evaluate
from planwatch.web.accounts.roles import Role, regions_of
from planwatch.web.accounts.services import create_user
from planwatch.web.errors import Forbidden
from planwatch.web.plan.models import Region
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects import judged, overview
from planwatch.web.projects.demo import load_year
from tests.conftest import DEMO_DATASET

PASSWORD = "long-test-password"


@pytest.fixture
def chongqing(demo) -> Region:
    """Fuling and the demo's three illustrative districts, each with its 2025 register."""
    load_year(DEMO_DATASET, 2025)
    for directory in sorted(CITY_DISTRICTS.iterdir()):
        load_dataset(directory)
        load_year(directory, 2025)
    judged.forget()
    return Region.objects.get(code="chongqing")


def test_the_demo_s_districts_belong_to_chongqing_and_the_city_is_no_district(chongqing):
    codes = set(chongqing.children.values_list("code", flat=True))
    assert codes == {"fuling", "sample-a", "sample-b", "sample-c"}
    assert not Region.objects.districts().filter(code="chongqing").exists()
    assert regions.region().code == "fuling"  # a city is never the default region


def test_every_cell_says_what_the_district_s_own_evaluation_says(chongqing):
    view = city.city_year(chongqing, 2025, as_of="2025-09")
    for district in view.districts:
        own = evaluate(district.code, 2025, as_of="2025-09")
        assert {e.indicator.code: e for e in own.evaluations} == view.evaluations[district.code]


def test_without_a_period_the_city_is_judged_as_of_the_latest_month_a_district_reached(
    chongqing,
):
    view = city.city_year(chongqing)
    latest = max(evaluate(d.code, 2025).as_of.period.month or 0 for d in view.districts)
    assert view.year == 2025 and view.as_of.period == Period(2025, month=latest)
    assert view.previous == Period(2025, month=latest - 3)


def test_a_district_that_has_not_reported_is_not_ranked_and_shows_not_reported(chongqing):
    view = city.city_year(chongqing, 2025, as_of="2025-09")
    assert view.cell("sample-c", "gdp_growth").verdict is Verdict.NOT_REPORTED
    ranking = view.ranking("gdp_growth")
    last = ranking.rows[-1]
    assert last.key == "sample-c" and last.rank is None and last.previous_rank is not None
    ranked = [r for r in ranking.rows if r.rank is not None]
    assert [r.value for r in ranked] == sorted((r.value for r in ranked), reverse=True)


def test_less_is_better_ranks_the_lowest_unemployment_first(chongqing):
    rows = city.city_year(chongqing, 2025, as_of="2025-09").ranking("unemployment_rate").rows
    values = [r.value for r in rows if r.rank is not None]
    assert len(values) >= 3 and values == sorted(values)


def test_a_year_with_no_ranking_before_it_shows_no_change_of_rank(chongqing):
    view = city.city_year(chongqing, 2024)
    assert view.as_of.period == Period(2024) and view.previous == Period(2023)
    ranking = view.ranking("gdp_growth")
    assert ranking.previous is None
    assert all(r.rank is not None and r.change is None for r in ranking.rows)


def test_an_unknown_indicator_or_year_is_not_found(chongqing):
    with pytest.raises(NotFound):
        city.city_year(chongqing, 2025).ranking("no_such_indicator")
    with pytest.raises(NotFound):
        city.city_year(chongqing, 2031)


def test_each_district_s_projects_sum_to_its_own_dashboard_panel(chongqing):
    view = city.city_year(chongqing, 2025, as_of="2025-09")
    for row in city.district_projects(view):
        panel = overview.projects_panel(row.region, Period(2025, month=9), date(2025, 10, 31))
        assert panel is not None
        totals = panel.totals
        assert (row.count, row.annual_plan, row.completed, row.lagging) == (
            totals.count,
            totals.annual_plan,
            totals.completed,
            totals.lagging,
        )
    assert len({row.lagging for row in city.district_projects(view)}) > 1  # the paces differ


def test_a_city_user_sees_every_district_and_a_district_user_only_its_own(chongqing):
    mayor = create_user("mayor", PASSWORD, Role.LEADER, region="chongqing")
    clerk = create_user("clerk", PASSWORD, Role.CLERK, department="区统计局", region="sample-a")
    assert regions_of(mayor) == set(
        Region.objects.filter(
            code__in=["chongqing", "fuling", "sample-a", "sample-b", "sample-c"]
        ).values_list("pk", flat=True)
    )
    assert regions.region("sample-b", actor=mayor).code == "sample-b"
    assert regions.region(actor=mayor).code == "fuling"
    assert city.city(actor=mayor) == chongqing
    with pytest.raises(Forbidden):
        regions.region("sample-b", actor=clerk)
    with pytest.raises(Forbidden):
        city.city(actor=clerk)
    with pytest.raises(Forbidden):
        city.city("chongqing", actor=clerk)


def test_a_dataset_naming_its_city_by_name_joins_the_city_already_loaded(chongqing, tmp_path: Path):
    at = tmp_path / "nanchuan"
    at.mkdir()
    for name in ("indicators.csv", "targets.csv", "observations.csv"):
        (at / name).write_text((DEMO_DATASET / name).read_text(encoding="utf-8"), "utf-8")
    (at / "region.toml").write_text(
        'code = "nanchuan"\nname = "南川区"\nparent = "重庆市"\n', encoding="utf-8"
    )
    load_dataset(at)
    assert Region.objects.get(code="nanchuan").parent == chongqing
