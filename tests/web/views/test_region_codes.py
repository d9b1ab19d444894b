"""Project codes are unique within a region: another district may use Fuling's codes, and
every read and write by code (page, API, workbook, CLI) reaches the project of the region
asked for, never the other one; review follows the region as writes do."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.core.errors import DatasetError
from planwatch.core.observations import Period
from planwatch.core.problems import Action
from planwatch.services import project_register, regions, value_reads, values
from planwatch.services.problems import take_problem_step
from planwatch.services.values import Entry
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.errors import Forbidden
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord, ProgressRecord, ProjectRecord
from planwatch.web.submissions import imports, periods
from planwatch.web.submissions.models import ReportingPeriod, State, Submission
from planwatch.web.submissions.workbook import SHEET
from tests.web.views.conftest import indicator, user
from tests.web.views.districts import district

pytestmark = pytest.mark.django_db
WATER = "2025-ZF-002"  # 区水利局's, in Fuling and (same code) in Nanchuan
PASSWORD = "district-user-password"
runner = CliRunner()


@pytest.fixture
def nanchuan(tmp_path: Path) -> None:
    load_year(district(tmp_path / "nc", "nanchuan", "南川区", "NC", same_codes=True), 2025)


def signed_in(name: str, role: Role, department: str = "", region: str = "nanchuan") -> Client:
    create_user(name, PASSWORD, role, department=department, region=region)
    client = Client()
    client.force_login(User.objects.get(username=name))
    return client


def progress(region: str, code: str = WATER, month: int = 11) -> list[tuple[Decimal, str]]:
    rows = ProgressRecord.objects.filter(
        project__region__code=region, project__code=code, year=2025, month=month
    )
    return list(rows.values_list("completed", "submitted_by"))


def test_a_district_may_hold_fuling_s_codes_as_projects_of_its_own(nanchuan) -> None:
    both = ProjectRecord.objects.filter(code=WATER)
    assert sorted(both.values_list("region__code", flat=True)) == ["fuling", "nanchuan"]
    assert ProjectRecord.objects.filter(region__code="fuling").count() == 354
    assert ProjectRecord.objects.filter(region__code="nanchuan").count() == 354
    assert len(progress("fuling", month=10)) == len(progress("nanchuan", month=10)) == 1


def test_the_page_and_the_api_show_the_project_of_the_region_asked_for(office, nanchuan) -> None:
    ProjectRecord.objects.filter(region__code="nanchuan", code=WATER).update(name="南川水库工程")
    assert "南川水库工程" in office.get(f"/projects/{WATER}/?region=nanchuan").content.decode()
    assert "南川水库工程" not in office.get(f"/projects/{WATER}/").content.decode()  # Fuling's
    assert office.get(f"/api/projects/{WATER}?region=nanchuan").json()["name"] == "南川水库工程"
    assert office.get(f"/api/projects/{WATER}").json()["name"] != "南川水库工程"


def test_a_district_clerk_reports_its_own_project_of_a_shared_code(nanchuan) -> None:
    clerk = signed_in("nc-water", Role.CLERK, "区水利局")
    fuling_before = progress("fuling")
    sent = {"month": "2025-11", "completed": 1, "reason": "南川补报"}
    response = clerk.post(f"/api/projects/{WATER}/progress", sent, content_type="application/json")
    assert response.status_code == 201, response.content
    assert progress("nanchuan") == [(Decimal(1), "nc-water")]
    assert progress("fuling") == fuling_before
    refused = clerk.post(
        f"/api/projects/{WATER}/progress?region=fuling", sent, content_type="application/json"
    )
    assert refused.status_code == 403
    assert progress("fuling") == fuling_before


def test_a_district_s_plan_office_reviews_its_district_only(nanchuan, stats) -> None:
    district_office = signed_in("nc-office", Role.PLAN_OFFICE)
    gdp = indicator("gdp_growth")  # Fuling's
    pending = values.submit_value(
        actor=user("stats"), indicator_id=gdp.id, entry=Entry("2025-Q3", 6.1)
    )
    actor = User.objects.get(username="nc-office")
    published = list(ObservationRecord.objects.filter(indicator=gdp).values_list("id", "value"))
    assert pending.id not in [s.id for s in value_reads.pending(actor=actor)]
    with pytest.raises(Forbidden):
        values.approve_value(actor=actor, submission_id=pending.id)
    with pytest.raises(Forbidden):
        values.return_value(actor=actor, submission_id=pending.id, reason="不对")
    assert Submission.objects.get(pk=pending.id).state == State.SUBMITTED
    assert list(ObservationRecord.objects.filter(indicator=gdp).values_list("id", "value")) == (
        published
    )
    change = {"version": 1, "reason": "改名", "name": "南川改的"}
    patched = district_office.patch(
        f"/api/projects/{WATER}?region=fuling", change, content_type="application/json"
    )
    assert patched.status_code == 403
    assert ProjectRecord.objects.get(region__code="fuling", code=WATER).name != "南川改的"


def test_a_district_s_plan_office_takes_no_step_of_another_district_s_problem(nanchuan) -> None:
    signed_in("nc-office", Role.PLAN_OFFICE)
    fuling_problem = ProblemRecord.objects.filter(region__code="fuling", state="found").first()
    assert fuling_problem is not None
    actor = User.objects.get(username="nc-office")
    with pytest.raises(Forbidden, match="涪陵区"):
        take_problem_step(fuling_problem.code, Action.ASSIGN, actor=actor, region="fuling")
    assert ProblemRecord.objects.get(pk=fuling_problem.pk).state == "found"


def test_a_district_s_plan_office_imports_a_projects_workbook_into_its_district_only(
    nanchuan, tmp_path: Path
) -> None:
    signed_in("nc-office", Role.PLAN_OFFICE)
    path = tmp_path / "register.xlsx"
    project_register.export_workbook(path, 2025, regions.region("nanchuan"))
    actor = User.objects.get(username="nc-office")
    before = list(ProgressRecord.objects.values_list("id", "completed", "submitted_by"))
    with pytest.raises(Forbidden, match="涪陵区"):
        project_register.import_workbook(path, actor=actor, region=regions.region("fuling"))
    assert list(ProgressRecord.objects.values_list("id", "completed", "submitted_by")) == before
    stored = project_register.import_workbook(path, actor=actor)  # its own district's
    assert stored.projects == 354


def test_a_district_clerk_s_values_workbook_of_another_region_is_refused_row_by_row(
    nanchuan,
) -> None:
    signed_in("nc-stats", Role.CLERK, "区统计局")
    office_user = user("office")
    if not ReportingPeriod.objects.filter(region__code="fuling", period="2025-Q3").exists():
        periods.open_period(
            actor=office_user, region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
        )
    content = imports.export_workbook(
        actor=user("stats"), region_code="fuling", period="2025-Q3", department="区统计局"
    )
    book = load_workbook(io.BytesIO(content))
    book[SHEET].cell(row=2, column=7, value=6.1)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    before = Submission.objects.count()
    with pytest.raises(DatasetError) as refused:
        imports.import_workbook(
            actor=User.objects.get(username="nc-stats"), stream=stream, name="表.xlsx"
        )
    assert "涪陵区区统计局" in refused.value.problems[0].reason
    assert Submission.objects.count() == before


def test_the_cli_reports_progress_of_the_region_named(nanchuan) -> None:
    create_user("nc-water", PASSWORD, Role.CLERK, department="区水利局", region="nanchuan")
    fuling_before = progress("fuling")
    args = ["projects", "report", WATER, "--month", "2025-11", "--completed", "1"]
    args += ["--user", "nc-water", "--reason", "南川补报"]
    refused = runner.invoke(app, [*args, "--region", "fuling"])
    assert refused.exit_code != 0 and progress("fuling") == fuling_before
    done = runner.invoke(app, [*args, "--region", "nanchuan"])
    assert done.exit_code == 0, done.output
    assert progress("nanchuan") == [(Decimal(1), "nc-water")]
    assert progress("fuling") == fuling_before


def test_two_districts_same_code_projects_keep_their_own_evidence(
    nanchuan, settings, tmp_path: Path, leader
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    month = Period(2025, month=10)
    for region in ("fuling", "nanchuan"):
        project_register.attach_evidence(
            WATER, month, "照片.pdf", "application/pdf", b"%PDF-" + region.encode(),
            actor=user("office"), region=regions.region(region),
        )  # fmt: skip
    for region in ("fuling", "nanchuan"):
        listed = ProgressRecord.objects.get(
            project__region__code=region, project__code=WATER, year=2025, month=10
        ).evidence
        assert listed[-1][0] == "照片.pdf"  # its own name: the folders are apart
        assert (settings.MEDIA_ROOT / "evidence" / region / WATER / "2025-10" / "照片.pdf").exists()
        served = leader.get(f"/projects/{WATER}/evidence/2025-10/照片.pdf?region={region}")
        assert b"".join(served.streaming_content) == b"%PDF-" + region.encode()
