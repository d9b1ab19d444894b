from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.observations import Period
from planwatch.core.progress import assess_all
from planwatch.core.project_totals import GROUPINGS, group_totals, status_totals, totals
from planwatch.core.projects import Category, Level
from tests.core.project_builders import make_project, make_report

money = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
projects = st.lists(
    st.builds(
        lambda n, category, level, town, plan, extra: make_project(
            f"P{n}", category=category, level=level, town=town, annual_plan=plan, total=plan + extra
        ),
        st.integers(0, 10**6),
        st.sampled_from(list(Category)),
        st.sampled_from(list(Level)),
        st.sampled_from(["崇义街道", "李渡街道", "南沱镇"]),
        money,
        money,
    ),
    max_size=30,
)


@given(projects, st.sampled_from(list(GROUPINGS)))
def test_groups_always_add_up_to_the_register_exactly(items: list, by: str) -> None:
    whole = totals(items)
    groups = group_totals(items, by)
    assert sum(g.count for g in groups) == whole.count == len(items)
    assert sum((g.total for g in groups), Decimal(0)) == whole.total
    assert sum((g.annual_plan for g in groups), Decimal(0)) == whole.annual_plan


def test_status_totals_count_lagging_projects_and_sum_completed_investment() -> None:
    register = [make_project("A"), make_project("B", town="李渡街道"), make_project("C")]
    reports = [make_report("A", completed=600), make_report("B", completed=100)]
    by_town = status_totals(assess_all(register, reports, Period(2025, month=6)), "town")
    assert [(g.key, g.count, g.completed, g.lagging) for g in by_town] == [
        ("崇义街道", 2, Decimal(600), 0),  # C did not report: 未报, not lagging
        ("李渡街道", 1, Decimal(100), 1),
    ]
    assert by_town[0].completion == 30
