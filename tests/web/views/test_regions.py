"""Projects, key tasks and problems belong to a region: another district's never show on
Fuling's pages, totals, exports or API, and each district's pages show its own."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord, ProjectRecord, TaskRecord
from tests.web.views.districts import copy_tasks, district

pytestmark = pytest.mark.django_db


@pytest.fixture
def nanchuan(tmp_path: Path) -> None:
    load_year(district(tmp_path / "nanchuan", "nanchuan", "南川区", "NC"), 2025)
    load_year(copy_tasks(tmp_path / "nanchuan-tasks", "nanchuan", "南川区"), 2024)


def test_a_loaded_district_s_register_problems_and_tasks_belong_to_its_region(nanchuan) -> None:
    assert ProjectRecord.objects.filter(region__code="nanchuan").count() == 354
    assert not ProjectRecord.objects.filter(region__code="fuling", code__contains="-NC").exists()
    assert ProblemRecord.objects.get(code="NC-2025-001").region.code == "nanchuan"
    assert set(TaskRecord.objects.filter(year=2024).values_list("region__code", flat=True)) == {
        "nanchuan"
    }


def test_fuling_s_project_list_and_totals_leave_the_other_district_out(office, nanchuan) -> None:
    page = office.get("/projects/?year=2025").content.decode()
    assert "2025-QY-001" in page and "2025-NC" not in page
    assert "354" in page  # 354 projects, not 708
    other = office.get("/projects/?year=2025&region=nanchuan").content.decode()
    assert "2025-NCQY-001" in other and "2025-ZF-" not in other


def codes_exported(client, query: str) -> list[str]:
    sheet = load_workbook(BytesIO(client.get(f"/projects/?{query}&format=xlsx").content)).active
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def test_the_excel_export_is_every_row_of_the_region_not_one_page(office, nanchuan) -> None:
    fuling = [c for c in codes_exported(office, "year=2025") if c.startswith("2025-")]
    assert len(fuling) == 354 and not [c for c in fuling if c.startswith("2025-NC")]
    other = [c for c in codes_exported(office, "year=2025&region=nanchuan") if c[:4] == "2025"]
    assert len(other) == 354 and all(c.startswith("2025-NC") for c in other)


def test_fuling_s_problem_board_and_dashboard_leave_the_other_district_out(
    office, nanchuan
) -> None:
    assert "NC-2025-" not in office.get("/problems/").content.decode()
    assert "NC-2025-" in office.get("/problems/?region=nanchuan").content.decode()
    assert "2025-NC" not in office.get("/?year=2025").content.decode()


def test_key_tasks_are_the_region_s_own(office, nanchuan) -> None:
    assert office.get("/tasks/?year=2024").status_code == 404  # Fuling has no 2024 tree here
    assert office.get("/tasks/?year=2024&region=nanchuan").status_code == 200


def test_the_api_lists_and_sums_a_region_s_projects_and_problems_only(office, nanchuan) -> None:
    listed = office.get("/api/projects?year=2025&limit=500").json()
    assert listed["count"] == 354
    assert not [p for p in listed["items"] if p["code"].startswith("2025-NC")]
    totals = office.get("/api/project-totals?year=2025&region=nanchuan").json()
    assert totals["count"] == 354
    problems = office.get("/api/problems?limit=500").json()["items"]
    assert problems and not [p for p in problems if p["code"].startswith("NC-")]
    assert office.get("/api/tasks/2024").status_code == 404
    assert office.get("/api/tasks/2024?region=nanchuan").status_code == 200


@pytest.fixture
def district_clerk(nanchuan) -> Client:
    create_user(
        "nc-clerk", "district-clerk-password", Role.CLERK, department="区水利局", region="nanchuan"
    )
    client = Client()
    client.force_login(User.objects.get(username="nc-clerk"))
    return client


def test_a_district_s_user_sees_its_district_by_default_and_no_other(district_clerk) -> None:
    own = district_clerk.get("/projects/?year=2025").content.decode()
    assert "2025-NCQY-001" in own and "2025-QY-" not in own
    assert district_clerk.get("/projects/?year=2025&region=fuling").status_code == 403
    assert district_clerk.get("/projects/2025-ZF-001/").status_code == 403
    assert district_clerk.get("/projects/2025-NCZF-001/").status_code == 200
    assert "NC-2025-" in district_clerk.get("/problems/").content.decode()
    assert district_clerk.get("/problems/?region=fuling").status_code == 403
    assert district_clerk.get("/?region=fuling").status_code == 403
    assert district_clerk.get("/api/projects/2025-ZF-001").status_code == 403
    listed = district_clerk.get("/api/projects?year=2025&limit=500").json()
    assert listed["count"] == 354 and all(p["code"].startswith("2025-NC") for p in listed["items"])
    assert district_clerk.get("/api/project-totals?region=fuling").status_code == 403


def test_the_plan_office_without_a_district_sees_every_region(office, nanchuan) -> None:
    assert office.get("/projects/?year=2025&region=nanchuan").status_code == 200
    assert office.get("/projects/?year=2025&region=fuling").status_code == 200


def test_a_district_s_clerk_writes_for_its_own_district_only(nanchuan) -> None:
    from planwatch.services import projects, value_reads
    from planwatch.web.errors import Forbidden
    from tests.web.views.conftest import indicator

    create_user("nc-stats", "district-clerk-password", Role.CLERK, department="区统计局")
    create_user("nc-water", "district-clerk-password", Role.CLERK, department="区水利局")
    create_user("nc-water-d", "district-clerk-password", Role.CLERK, department="区水利局",
                region="nanchuan")  # fmt: skip
    create_user("nc-stats-d", "district-clerk-password", Role.CLERK, department="区统计局",
                region="nanchuan")  # fmt: skip
    water, water_elsewhere = (
        User.objects.get(username="nc-water"),
        User.objects.get(username="nc-water-d"),
    )
    gdp = indicator("gdp_growth").id  # Fuling's, owned by 区统计局
    assert value_reads.indicator_for_entry(
        actor=User.objects.get(username="nc-stats"), indicator_id=gdp
    )
    with pytest.raises(Forbidden):
        value_reads.indicator_for_entry(
            actor=User.objects.get(username="nc-stats-d"), indicator_id=gdp
        )
    assert projects.project_for_entry(actor=water, code="2025-ZF-002").department == "区水利局"
    with pytest.raises(Forbidden):
        projects.project_for_entry(actor=water_elsewhere, code="2025-ZF-002")  # Fuling's
    assert projects.project_for_entry(actor=water_elsewhere, code="2025-NCZF-002")


@pytest.fixture
def district_office(nanchuan) -> Client:
    create_user("nc-office", "district-office-password", Role.PLAN_OFFICE, region="nanchuan")
    client = Client()
    client.force_login(User.objects.get(username="nc-office"))
    return client


def test_a_district_s_office_may_not_read_another_district_s_problem_task_or_compliance(
    district_office,
) -> None:
    fuling_task = TaskRecord.objects.filter(region__code="fuling").first()
    assert fuling_task is not None
    for path in (
        "/problems/WT-2025-019/",
        "/api/problems/WT-2025-019",
        f"/tasks/{fuling_task.code}/?region=fuling&year={fuling_task.year}",
        "/compliance/?region=fuling",
    ):
        assert district_office.get(path).status_code == 403, path
    assert district_office.get("/problems/NC-2025-019/").status_code == 200
    assert "涪陵区" not in district_office.get("/compliance/").content.decode()


def test_a_district_s_office_may_not_step_another_district_s_problem(district_office) -> None:
    before = ProblemRecord.objects.get(code="WT-2025-019")
    steps = before.events.count()
    response = district_office.post("/problems/WT-2025-019/send_back/", {"note": "不在本区"})
    assert response.status_code == 403
    after = ProblemRecord.objects.get(code="WT-2025-019")
    assert (after.state, after.events.count()) == (before.state, steps)
    assert (
        district_office.post("/problems/NC-2025-019/send_back/", {"note": "本区"}).status_code < 400
    )


def test_a_district_s_search_finds_its_own_district_only(district_office, office) -> None:
    own = district_office.get("/search/?q=2025").content.decode()
    assert "NC-2025-" in own and "2025-NCQY-" in own
    assert "WT-2025-" not in own and "2025-QY-" not in own
    assert "WT-2025-" in office.get("/search/?q=WT-2025").content.decode()


def test_a_district_s_office_may_not_open_another_district_s_project_evidence(
    district_office, office
) -> None:
    path = "/projects/2025-ZF-001/evidence/2025-09/photo.pdf?region=fuling"
    assert (district_office.get(path).status_code, office.get(path).status_code) == (403, 404)
