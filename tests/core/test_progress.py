from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.core.progress import Evidence, assess, assess_all
from tests.core.project_builders import make_project, make_report, milestone

JUNE = Period(2025, month=6)


def test_a_project_exactly_ten_points_behind_time_progress_does_not_lag() -> None:
    status = assess(make_project(), [make_report(completed=400)], JUNE)
    assert (status.completion, status.time_progress, status.gap) == (40, 50, 10)
    assert not status.lagging


def test_a_project_a_hair_more_than_ten_points_behind_lags() -> None:
    status = assess(make_project(), [make_report(completed="399.99")], JUNE)
    assert status.behind_by_rate and status.lagging


def test_the_threshold_is_a_parameter() -> None:
    status = assess(make_project(), [make_report(completed=449)], JUNE, threshold=Decimal(5))
    assert status.lagging
    assert not assess(
        make_project(), [make_report(completed=450)], JUNE, threshold=Decimal(5)
    ).lagging


def test_the_latest_report_up_to_the_month_counts_and_later_ones_are_ignored() -> None:
    reports = [make_report(month=4, completed=100), make_report(month=5, completed=480)]
    reports.append(make_report(month=7, completed=900))
    status = assess(make_project(), reports, JUNE)
    assert status.completed == 480 and not status.reported and not status.lagging


def test_a_project_without_reports_has_completed_nothing_and_is_not_reported() -> None:
    status = assess(make_project(), [make_report("OTHER", completed=999)], JUNE)
    assert status.completed == 0 and status.not_reported and not status.lagging


def test_a_project_without_the_months_report_is_not_reported_not_judged_on_the_old_one() -> None:
    """Finding 3: projects that had not reported were judged on last month's figure."""
    may = make_report(month=5, completed=100)  # 10% of the plan: far behind in June
    project = make_project(milestones=(milestone("开工", 6, 1),))
    status = assess(project, [may], JUNE)
    assert status.not_reported and not status.lagging and status.overdue == ()
    assert status.completed == 100  # the latest figure is still shown, marked 未报
    judged = assess(project, [may, make_report(month=6, completed=100)], JUNE)
    assert judged.reported and judged.behind_by_rate and judged.overdue == ("开工",)


def test_a_milestone_planned_in_the_month_and_not_reached_is_overdue() -> None:
    project = make_project(milestones=(milestone("开工", 6, 30), milestone("竣工", 7, 1)))
    status = assess(project, [make_report(completed=1000)], JUNE)
    assert status.overdue == ("开工",) and status.lagging and not status.behind_by_rate


def test_a_milestone_reached_on_time_or_late_is_not_overdue() -> None:
    project = make_project(milestones=(milestone("开工", 3, 1),))
    report = make_report(completed=1000, reached={"开工": date(2025, 6, 30)})
    assert assess(project, [report], JUNE).overdue == ()


def test_a_milestone_reached_after_the_month_is_still_overdue_in_that_month() -> None:
    project = make_project(milestones=(milestone("开工", 3, 1),))
    report = make_report(completed=1000, reached={"开工": date(2025, 7, 2)})
    assert assess(project, [report], JUNE).overdue == ("开工",)


def test_a_project_without_an_annual_plan_is_judged_by_milestones_only() -> None:
    status = assess(make_project(annual_plan=Decimal(0)), [], JUNE)
    assert status.completion is None and status.gap is None and not status.lagging


def test_assess_all_gives_each_project_its_own_reports() -> None:
    projects = [make_project("A"), make_project("B")]
    reports = [make_report("A", completed=600), make_report("B", completed=100)]
    assert [s.lagging for s in assess_all(projects, reports, JUNE)] == [False, True]


def test_progress_is_assessed_by_month_only() -> None:
    with pytest.raises(InvalidValue):
        assess(make_project(), [], Period(2025, quarter=2))


def test_a_negative_completed_investment_is_refused() -> None:
    with pytest.raises(InvalidValue, match="negative"):
        make_report(completed=-1)


@pytest.mark.parametrize(
    ("filename", "content_type", "size"),
    [
        ("site.exe", "application/x-msdownload", 10),
        ("site.png", "application/pdf", 10),
        ("site.pdf", "application/pdf", 0),
        ("site.pdf", "application/pdf", 20 * 1024 * 1024 + 1),
    ],
)
def test_evidence_of_a_wrong_type_or_size_is_refused(
    filename: str, content_type: str, size: int
) -> None:
    with pytest.raises(InvalidValue):
        Evidence(filename, content_type, size)


def test_photos_and_pdfs_are_accepted_as_evidence() -> None:
    assert Evidence("工地.JPG", "image/jpeg", 2_000_000).size == 2_000_000
    assert Evidence("验收.pdf", "application/pdf", 1).filename == "验收.pdf"


money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)


@given(plan=money.filter(lambda d: d > 0), completed=money, month=st.integers(1, 12))
def test_the_rate_rule_agrees_with_exact_fractions(
    plan: Decimal, completed: Decimal, month: int
) -> None:
    status = assess(
        make_project(annual_plan=plan, total=plan),
        [make_report(month=month, completed=completed)],
        Period(2025, month=month),
    )
    gap = Fraction(month * 100, 12) - Fraction(completed) * 100 / Fraction(plan)
    assert status.behind_by_rate == (gap > 10)
