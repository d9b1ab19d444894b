from datetime import datetime

from planwatch.core.project_rows import read_progress, read_projects
from tests.core.project_builders import DEPARTMENTS, make_project

GOOD = {
    "code": "P001",
    "name": "示例道路工程",
    "year": "2025",
    "category": "新开工",
    "level": "一般",
    "government": "是",
    "department": "区交通局",
    "unit": "区交通建设公司",
    "leader": "张三",
    "town": "崇义街道",
    "total": "5000",
    "annual_plan": "1000.5",
    "start": "2025-03-01",
    "end": "2026-06-30",
    "开工": "2025-03-01",
    "source": "synthetic",
}


def row(**overrides: object) -> dict[str, object]:
    return {**GOOD, **overrides}


def test_a_good_row_becomes_a_project_with_exact_money_and_its_milestones() -> None:
    projects, problems = read_projects([(2, row())], departments=DEPARTMENTS)
    assert problems == []
    (project,) = projects
    assert str(project.annual_plan) == "1000.5"
    assert [m.name for m in project.milestones] == ["开工"]


def test_excel_typed_cells_are_read_like_text() -> None:
    cells = row(total=5000, annual_plan=1000.5, start=datetime(2025, 3, 1), year=2025)
    projects, problems = read_projects([(2, cells)], departments=DEPARTMENTS)
    assert problems == [] and str(projects[0].annual_plan) == "1000.5"


def test_every_bad_row_is_reported_and_no_project_is_returned() -> None:
    rows = [
        (2, row(code="A")),
        (3, row(code="B", department="区月球局")),
        (4, row(code="C", total="-5", annual_plan="0")),
        (5, row(code="D", total="100", annual_plan="200")),
        (6, row(code="A")),
        (7, row(code="E", start="2025-09-01", end="2025-08-01", 开工="")),
        (8, row(code="F", category="在建", total="一千")),
    ]
    projects, problems = read_projects(rows, departments=DEPARTMENTS)
    assert projects == []
    assert [(p.row, p.field) for p in problems] == [
        (2, "code"),
        (3, "department"),
        (4, "total"),
        (4, "annual_plan"),  # 0 > -5
        (5, "annual_plan"),
        (6, "code"),
        (7, "end"),
        (8, "category"),
        (8, "total"),
    ]
    assert str(problems[0]) == "第2行 code: 项目编码 A 重复"


def progress_row(**overrides: object) -> dict[str, object]:
    return {"project": "P001", "month": "2025-06", "completed": "400", "source": "x", **overrides}


def test_progress_rows_name_known_projects_once_per_month_within_the_year() -> None:
    rows = [
        (2, progress_row()),
        (3, progress_row()),
        (4, progress_row(project="P404")),
        (5, progress_row(month="2024-12")),
        (6, progress_row(month="2025-13")),
        (7, progress_row(month="2025-07", completed="-1")),
        (8, progress_row(month="2025-08", evidence="合同.docx|application/msword|10")),
    ]
    reports, problems = read_progress(rows, projects=[make_project()])
    assert reports == []
    assert [(p.row, p.field) for p in problems] == [
        (3, "month"),
        (4, "project"),
        (5, "month"),
        (6, "month"),
        (7, "completed"),
        (8, "evidence"),
    ]


def test_progress_evidence_and_reached_milestones_are_read() -> None:
    rows = [(2, progress_row(开工="2025-03-02", evidence="现场.jpg|image/jpeg|2048"))]
    reports, problems = read_progress(rows, projects=[make_project()])
    assert problems == []
    assert reports[0].reached["开工"].isoformat() == "2025-03-02"
    assert reports[0].evidence[0].size == 2048


def test_a_milestone_reached_after_the_end_of_its_report_month_is_refused() -> None:
    rows = [(2, progress_row(month="2025-06", 开工="2025-07-01"))]
    reports, problems = read_progress(rows, projects=[make_project()])
    assert reports == []
    assert [(p.row, p.field) for p in problems] == [(2, "开工")]
