"""Problem codes are unique within a region: another district may use Fuling's WT-2025-…, and
every read and step by code (page, API, CLI) reaches the problem of the region asked for (a
district user's own by default), never the other one; their evidence files never mix."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.core.problems import LinkKind, Problem, Severity, Source
from planwatch.services import problems
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import Region
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord
from tests.web.views.conftest import user
from tests.web.views.districts import district

pytestmark = pytest.mark.django_db
PASSWORD = "district-user-password"
PDF = b"%PDF-1.7 "
runner = CliRunner()


@pytest.fixture
def nanchuan(tmp_path: Path) -> None:
    load_year(district(tmp_path / "nc", "nanchuan", "南川区", "NC", same_codes=True), 2025)


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def signed_in(name: str, role: Role, department: str = "", region: str = "nanchuan") -> Client:
    create_user(name, PASSWORD, role, department=department, region=region)
    client = Client()
    client.force_login(User.objects.get(username=name))
    return client


def state(region: str, code: str) -> tuple[str, int]:
    record = ProblemRecord.objects.get(region__code=region, code=code)
    return record.state, record.events.count()


def rectifying() -> ProblemRecord:
    """A problem Fuling and Nanchuan both hold under one code, being rectified in both."""
    record = ProblemRecord.objects.filter(region__code="fuling", state="rectifying").first()
    assert record is not None
    assert state("nanchuan", record.code)[0] == "rectifying"
    return record


def test_a_district_may_hold_fuling_s_problem_codes_as_problems_of_its_own(nanchuan) -> None:
    both = ProblemRecord.objects.filter(code="WT-2025-001")
    assert sorted(both.values_list("region__code", flat=True)) == ["fuling", "nanchuan"]
    fuling = ProblemRecord.objects.filter(region__code="fuling").count()
    assert ProblemRecord.objects.filter(region__code="nanchuan").count() == fuling > 0


def test_a_code_is_taken_once_within_a_region_and_again_in_another(nanchuan) -> None:
    new = Problem(
        code="WT-2025-901", source=Source.AUDIT, link_kind=LinkKind.PROJECT, link="2025-ZF-002",
        description="资金拨付滞后", department="区水利局", deadline=timezone.localdate(),
        severity=Severity.LOW, found_at=timezone.now(),
    )  # fmt: skip
    office = user("office")
    for code in ("fuling", "nanchuan"):
        problems.report_problem(new, actor=office, region=Region.objects.get(code=code))
    with pytest.raises(Conflict, match="南川区"):
        problems.report_problem(new, actor=office, region=Region.objects.get(code="nanchuan"))
    assert ProblemRecord.objects.filter(code="WT-2025-901").count() == 2


def test_the_page_and_the_api_show_the_problem_of_the_region_asked_for(office, nanchuan) -> None:
    ProblemRecord.objects.filter(region__code="nanchuan", code="WT-2025-019").update(
        description="南川投资增速回落"
    )
    assert (
        "南川投资增速回落" in office.get("/problems/WT-2025-019/?region=nanchuan").content.decode()
    )
    assert "南川投资增速回落" not in office.get("/problems/WT-2025-019/").content.decode()
    asked = office.get("/api/problems/WT-2025-019?region=nanchuan").json()
    assert asked["description"] == "南川投资增速回落"
    assert office.get("/api/problems/WT-2025-019").json()["description"] != "南川投资增速回落"


def test_nanchuan_s_board_links_and_steps_carry_its_region(office, nanchuan) -> None:
    found = ProblemRecord.objects.filter(region__code="nanchuan", state="found").first().code
    board = office.get("/problems/?region=nanchuan").content.decode()
    assert f"/problems/{found}/?region=nanchuan" in board
    assert f"/problems/{found}/assign/?region=nanchuan" in board
    page = office.get("/problems/WT-2025-001/?region=nanchuan").content.decode()
    assert "/projects/2025-ZF-002/?region=nanchuan" in page  # the linked project, its own


def test_the_plan_office_steps_the_problem_of_the_region_asked_for(office, nanchuan) -> None:
    code = ProblemRecord.objects.filter(region__code="fuling", state="found").first().code
    fuling = state("fuling", code)
    response = office.post(f"/problems/{code}/assign/?region=nanchuan", {"back": "problem"})
    assert response["Location"] == f"/problems/{code}/?region=nanchuan"
    assert state("nanchuan", code)[0] == "assigned" and state("fuling", code) == fuling


def test_a_district_clerk_steps_its_own_district_s_problem_by_default(nanchuan) -> None:
    record = rectifying()
    clerk = signed_in("nc-clerk", Role.CLERK, record.department.name)
    fuling, nanchuan_before = state("fuling", record.code), state("nanchuan", record.code)
    sent = {"action": "submit", "evidence": ["整改报告.pdf"]}
    done = clerk.post(f"/api/problems/{record.code}/steps", sent, content_type="application/json")
    assert done.status_code == 200, done.content
    assert state("nanchuan", record.code) == ("pending_check", nanchuan_before[1] + 1)
    assert state("fuling", record.code) == fuling


def test_a_district_clerk_may_not_read_or_step_another_district_s_problem_of_its_code(
    nanchuan,
) -> None:
    record = rectifying()
    clerk = signed_in("nc-clerk", Role.CLERK, record.department.name)
    fuling = state("fuling", record.code)
    for path in (f"/problems/{record.code}/", f"/api/problems/{record.code}"):
        path += "?region=fuling"
        assert clerk.get(path).status_code == 403, path
    step = clerk.post(f"/problems/{record.code}/submit/?region=fuling", {"note": "不在本区"})
    api = clerk.post(
        f"/api/problems/{record.code}/steps?region=fuling",
        {"action": "submit", "evidence": ["a.pdf"]},
        content_type="application/json",
    )
    assert (step.status_code, api.status_code) == (403, 403)
    assert state("fuling", record.code) == fuling


def test_a_refusal_names_the_problem_s_district_in_chinese_and_in_english(nanchuan) -> None:
    record = ProblemRecord.objects.get(region__code="fuling", code="WT-2025-001")
    city_clerk = signed_in("city-clerk", Role.CLERK, "区商务委", region="chongqing")
    response = city_clerk.post(f"/problems/{record.code}/start/?region=fuling")
    assert response.status_code == 403
    assert "只有涪陵区区水利局可以开始整改" in response.content.decode()
    district_clerk = signed_in("nc-water", Role.CLERK, "区水利局")
    refused = district_clerk.get(f"/api/problems/{record.code}?region=fuling")
    assert "属于涪陵区" in refused.json()["message"]
    district_clerk.cookies["django_language"] = "en"
    english = district_clerk.get(f"/problems/{record.code}/?region=fuling").content.decode()
    assert "is a problem of Fuling District" in english


def test_the_cli_steps_the_problem_of_the_region_named(nanchuan) -> None:
    code = ProblemRecord.objects.filter(region__code="fuling", state="found").first().code
    fuling = state("fuling", code)
    args = ["problem", code, "assign", "--user", "office", "--region", "nanchuan"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    assert state("nanchuan", code)[0] == "assigned" and state("fuling", code) == fuling
    listed = runner.invoke(app, ["problems", "--region", "nanchuan"])
    assert code in listed.output


def test_two_districts_same_code_problems_keep_their_own_evidence(media, nanchuan) -> None:
    record = rectifying()
    for region, body in (("fuling", b"fuling"), ("nanchuan", b"nanchuan")):
        upload = SimpleUploadedFile("整改报告.pdf", PDF + body, content_type="application/pdf")
        url = f"/problems/{record.code}/submit/?region={region}"
        office = Client()
        office.force_login(user("office"))
        assert office.post(url, {"files": upload}).status_code == 302
    leader = Client()
    leader.force_login(user("leader"))
    for region, body in (("fuling", b"fuling"), ("nanchuan", b"nanchuan")):
        assert (media / "problem-evidence" / region / record.code / "整改报告.pdf").exists()
        served = leader.get(f"/problems/{record.code}/evidence/整改报告.pdf?region={region}")
        assert b"".join(served.streaming_content) == PDF + body
        page = leader.get(f"/problems/{record.code}/?region={region}").content.decode()
        link = reverse("projects:problem-evidence", args=[record.code, "整改报告.pdf"])
        assert f"{link}?region={region}" in page
