from datetime import date
from decimal import Decimal

import pytest

from planwatch.core.errors import InvalidValue
from planwatch.core.projects import Category, Level, duplicate_codes, project_problems, to_yi
from tests.core.project_builders import DEPARTMENTS, make_project, milestone


def fields_of(problems: list[tuple[str, str]]) -> list[str]:
    return [f for f, _ in problems]


def test_a_well_formed_project_has_no_problems() -> None:
    project = make_project(milestones=(milestone("开工", 3), milestone("竣工", 12)))
    assert project_problems(project, departments=DEPARTMENTS) == []


def test_an_unknown_department_is_named_in_the_problem() -> None:
    problems = project_problems(make_project(department="区月球局"), departments=DEPARTMENTS)
    assert problems == [("department", "未知部门「区月球局」")]


def test_negative_investments_are_refused() -> None:
    project = make_project(total=Decimal(-1), annual_plan=Decimal(-2))
    assert fields_of(project_problems(project, departments=DEPARTMENTS)) == [
        "total",
        "annual_plan",
    ]


def test_an_annual_plan_above_the_total_is_refused() -> None:
    project = make_project(total=Decimal(100), annual_plan=Decimal("100.01"))
    assert fields_of(project_problems(project, departments=DEPARTMENTS)) == ["annual_plan"]


def test_an_annual_plan_equal_to_the_total_is_accepted() -> None:
    project = make_project(total=Decimal(100), annual_plan=Decimal(100))
    assert project_problems(project, departments=DEPARTMENTS) == []


def test_an_end_before_the_start_is_refused() -> None:
    project = make_project(start=date(2025, 5, 1), end=date(2025, 4, 30))
    assert fields_of(project_problems(project, departments=DEPARTMENTS)) == ["end"]


def test_milestones_must_be_known_unique_inside_the_period_and_in_order() -> None:
    project = make_project(
        milestones=(
            milestone("竣工", 5),
            milestone("开工", 6),
            milestone("开工", 7),
            milestone("剪彩", 8),
            milestone("主体完工", 1),
        )
    )
    assert fields_of(project_problems(project, departments=DEPARTMENTS)) == [
        "开工",  # duplicate
        "剪彩",  # unknown
        "主体完工",  # before the start
        "主体完工",  # before 开工
        "竣工",  # before 主体完工
    ]


def test_duplicate_codes_are_found_once_each() -> None:
    projects = [make_project("A"), make_project("B"), make_project("A"), make_project("A")]
    assert duplicate_codes(projects) == {"A"}


def test_categories_and_levels_read_their_chinese_labels_and_codes() -> None:
    assert Category.from_label(" 续建 ") is Category.CONTINUING
    assert Category.from_label("new") is Category.NEW
    assert Level.from_label("区级重点") is Level.DISTRICT_KEY


def test_an_unknown_category_lists_the_choices() -> None:
    with pytest.raises(InvalidValue, match="新开工、续建、完工、前期"):
        Category.from_label("在建")


def test_wan_converts_to_yi_exactly() -> None:
    assert to_yi(Decimal(445000)) == Decimal("44.5")
