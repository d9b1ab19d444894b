"""Standings: towns and departments ranked on projects and on reporting."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.observations import Period
from planwatch.core.progress import ProjectStatus
from planwatch.core.standings import (
    UNNAMED,
    Counts,
    by_department,
    by_town,
    project_standings,
    submission_standings,
)
from tests.core.project_builders import make_project

TOWNS = ("崇义街道", "李渡街道", "马武镇", "")
SEPTEMBER = Period(2025, month=9)


def status(code: str, town: str, plan: int, done: int, lagging: bool = False) -> ProjectStatus:
    project = make_project(code, town=town, annual_plan=Decimal(plan))
    completion = None if not plan else Decimal(done) * 100 / plan
    return ProjectStatus(
        project, SEPTEMBER, Decimal(done), completion, Decimal(75), lagging, (), True
    )


def test_towns_rank_by_completion_rate_against_time_progress():
    ranked = project_standings(
        [
            status("P1", "崇义街道", 1000, 600, lagging=True),
            status("P2", "崇义街道", 1000, 900),
            status("P3", "李渡街道", 500, 400),
        ],
        by_town,
    )
    assert [(g.rank, g.name, g.projects, g.lagging) for g in ranked] == [
        (1, "李渡街道", 1, 0),
        (2, "崇义街道", 2, 1),
    ]
    assert ranked[0].completion == 80 and ranked[0].gap == 5
    assert ranked[1].completion == 75 and ranked[1].gap == 0


def test_equal_groups_share_a_rank_and_the_next_skips():
    towns = [status("P1", "甲镇", 100, 50), status("P2", "乙镇", 100, 50)]
    ranked = project_standings([*towns, status("P3", "丙镇", 100, 10)], by_town)
    assert [g.rank for g in ranked] == [1, 1, 3]


def test_a_group_without_an_annual_plan_ranks_last_and_a_blank_town_is_named():
    ranked = project_standings([status("P1", "", 0, 0), status("P2", "马武镇", 100, 1)], by_town)
    assert [(g.name, g.completion) for g in ranked] == [("马武镇", 1), (UNNAMED, None)]


def test_departments_rank_on_reporting_by_on_time_rate_then_fewer_missing():
    ranked = submission_standings(
        [
            Counts("区统计局", owed=4, on_time=3, late=1, missing=0, pending=0),
            Counts("区商务委", owed=4, on_time=2, late=0, missing=2, pending=0),
            Counts("区统计局", owed=2, on_time=2, late=0, missing=0, pending=0),  # another month
            Counts("区财政局", owed=4, on_time=2, late=2, missing=0, pending=0),
            Counts("区税务局", owed=2, on_time=0, late=0, missing=0, pending=2),
        ]
    )
    assert [(t.rank, t.name) for t in ranked] == [
        (1, "区统计局"),
        (2, "区财政局"),
        (3, "区商务委"),
        (4, "区税务局"),
    ]
    assert (ranked[0].owed, ranked[0].on_time_rate) == (6, 500 / 6)
    assert ranked[-1].on_time_rate is None


statuses = st.lists(
    st.builds(
        status,
        code=st.text("PQ0123456789", min_size=1, max_size=4),
        town=st.sampled_from(TOWNS),
        plan=st.integers(0, 5000),
        done=st.integers(0, 5000),
        lagging=st.booleans(),
    ),
    max_size=30,
)


@given(statuses)
def test_project_standings_keep_every_project_and_rank_best_first(found):
    ranked = project_standings(found, by_town)
    assert sum(g.projects for g in ranked) == len(found)
    assert sum(g.lagging for g in ranked) == sum(s.lagging for s in found)
    assert sum(g.completed for g in ranked) == sum(s.completed for s in found)
    assert [g.rank for g in ranked] == sorted(g.rank for g in ranked)
    for position, g in enumerate(ranked, start=1):
        better = [h for h in ranked if h.order() < g.order()]
        assert g.rank == len(better) + 1 <= position


@given(statuses, st.randoms())
def test_the_order_of_the_input_changes_no_standing(found, rng):
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert project_standings(shuffled, by_department) == project_standings(found, by_department)


counts = st.lists(
    st.builds(
        Counts,
        department=st.sampled_from(("区统计局", "区商务委", "区财政局")),
        owed=st.just(0),
        on_time=st.integers(0, 9),
        late=st.integers(0, 9),
        missing=st.integers(0, 9),
        pending=st.integers(0, 9),
    ).map(lambda c: Counts(c.department, c.on_time + c.late + c.missing + c.pending, *_rest(c))),
    max_size=20,
)


def _rest(c: Counts) -> tuple[int, int, int, int]:
    return c.on_time, c.late, c.missing, c.pending


@given(counts)
def test_reporting_standings_sum_the_counts_and_a_higher_rate_never_ranks_lower(found):
    ranked = submission_standings(found)
    assert sum(t.owed for t in ranked) == sum(c.owed for c in found)
    rates = [t.on_time_rate for t in ranked if t.on_time_rate is not None]
    assert rates == sorted(rates, reverse=True)
    assert all(t.on_time_rate is None for t in ranked[len(rates) :])
