"""Project, key-task and problem pages: filters and totals, and the problem steps per role."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.core.problems import LinkKind, Problem, Severity, Source, State
from planwatch.services.problems import report_problem
from planwatch.web.projects.models import ProblemRecord
from tests.web.views.conftest import client_for, user


def new_problem(department: str = "区商务委") -> str:
    report_problem(
        Problem(
            code="WT-TEST-1",
            source=Source.INSPECTION,
            link_kind=LinkKind.INDICATOR,
            link="retail_growth",
            description="社零增速低于预期",
            department=department,
            deadline=date(2099, 1, 1),
            severity=Severity.MEDIUM,
            found_at=datetime(2025, 1, 1, tzinfo=UTC),
        ),
        actor=user("office"),
    )
    return "WT-TEST-1"


def state_of(code: str) -> str:
    return ProblemRecord.objects.get(code=code).state


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/projects/", "/tasks/", "/problems/"])
@pytest.mark.parametrize("who", ["office", "stats", "leader"])
def test_government_users_read_the_project_pages(who, path):
    assert client_for(who).get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/projects/", "/tasks/", "/problems/"])
def test_the_public_does_not_see_the_project_pages(path):
    assert client_for("citizen").get(path).status_code == 403
    assert client_for(None).get(path).status_code == 302


@pytest.mark.django_db
def test_project_totals_are_those_of_the_rows_the_filter_keeps(leader):
    everything = leader.get("/projects/?as_of=2025-10").context["page"]
    lagging = leader.get("/projects/?as_of=2025-10&lagging=1").context["page"]
    assert 0 < lagging.totals.count < everything.totals.count
    assert all(s.lagging for s in lagging.rows)
    plan = sum((s.project.annual_plan for s in lagging.rows), Decimal(0))
    assert lagging.totals.annual_plan == plan
    assert lagging.totals.lagging == lagging.totals.count


@pytest.mark.django_db
def test_a_project_page_shows_its_monthly_reports(leader):
    code = leader.get("/projects/").context["page"].rows[0].project.code
    page = leader.get(f"/projects/{code}/").context["page"]
    assert page.status.project.code == code and page.reports
    assert leader.get("/projects/NO-SUCH/").status_code == 404


@pytest.mark.django_db
def test_a_problem_goes_round_the_loop_with_each_role_doing_its_part(
    office, commerce, stats, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    code = new_problem("区商务委")
    assert stats.post(f"/problems/{code}/assign/").status_code == 403  # only the plan office
    assert office.post(f"/problems/{code}/assign/").status_code == 302
    assert stats.post(f"/problems/{code}/start/").status_code == 403  # not its department
    assert commerce.post(f"/problems/{code}/start/").status_code == 302
    assert commerce.post(f"/problems/{code}/submit/").status_code == 409  # no evidence
    photo = SimpleUploadedFile("整改照片.jpg", b"\xff\xd8\xff\xe0 jpeg", content_type="image/jpeg")
    assert commerce.post(f"/problems/{code}/submit/", {"files": photo}).status_code == 302
    assert commerce.post(f"/problems/{code}/close/").status_code == 403
    assert office.post(f"/problems/{code}/close/").status_code == 302
    assert state_of(code) == State.CLOSED


@pytest.mark.django_db
def test_tampered_problem_steps_get_4xx(office, leader):
    code = new_problem()
    assert leader.post(f"/problems/{code}/assign/").status_code == 403
    assert office.post(f"/problems/{code}/explode/").status_code == 400
    assert office.post("/problems/NO-SUCH/assign/").status_code == 404
    assert office.post(f"/problems/{code}/close/").status_code == 409  # not from 发现
    assert office.get(f"/problems/{code}/assign/").status_code == 405
    assert state_of(code) == State.FOUND


@pytest.mark.django_db
def test_the_board_offers_each_user_only_its_own_steps(office, commerce, leader):
    new_problem("区商务委")
    assert "/problems/WT-TEST-1/assign/" in office.get("/problems/").content.decode()
    assert "/problems/WT-TEST-1/assign/" not in commerce.get("/problems/").content.decode()
    assert not re.search(r"/problems/WT-TEST-1/\w+/", leader.get("/problems/").content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        (
            "/projects/",
            21,
        ),  # 14 (page, totals, choices: 3), 3 for the default as-of and 2 for the data version
        # it is kept under, 2 data version
        ("/problems/", 12),
        ("/tasks/", 14),
    ],
)
def test_project_pages_read_a_bounded_number_of_queries(
    office, django_assert_max_num_queries, path, budget
):
    with django_assert_max_num_queries(budget):
        assert office.get(path).status_code == 200
