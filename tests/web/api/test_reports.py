from __future__ import annotations

import pytest
from django.test import Client

from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.api import tokens
from planwatch.web.plan.models import Region
from tests.web.conftest import Caller

ANNUAL = "/api/regions/fuling/reports/annual/2024"


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("md", "text/markdown; charset=utf-8", b"#"),
        ("html", "text/html; charset=utf-8", b"<!"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    ],
)
def test_the_annual_report_comes_as_a_named_file_of_its_format(
    register, dave, fmt, content_type, start
):
    response = dave.get(ANNUAL, {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="fuling-2024-annual-report.{fmt}"'
    )
    assert response.content.lstrip().upper().startswith(start.upper())


@pytest.mark.slow
def test_the_annual_report_renders_as_pdf(register, dave):
    response = dave.get(ANNUAL, {"format": "pdf"})
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response.content.startswith(b"%PDF")


def test_the_annual_report_is_public_like_the_report_page(register, erin):
    anonymous = Client().get(ANNUAL, {"format": "md"})
    assert (anonymous.status_code, erin.get(ANNUAL, {"format": "md"}).status_code) == (200, 200)
    assert Client().get("/report/annual.md").status_code == 200  # the page's own rule


def test_the_briefs_and_the_notice_are_for_signed_in_users(register, erin):
    paths = [
        "/api/regions/fuling/reports/quarterly/2025-Q3",
        "/api/regions/fuling/reports/monthly/2025-10",
        "/api/regions/fuling/reports/notice/2025-06",
    ]
    assert [Client().get(p, {"format": "md"}).status_code for p in paths] == [401, 401, 401]
    assert [erin.get(p, {"format": "md"}).status_code for p in paths] == [403, 403, 403]


def test_the_briefs_and_the_notice_are_refused_to_another_district_s_users(register):
    Region.objects.create(code="nanchuan", name="南川区")
    create_user("nc-office", "pw-nc-office-long-enough", Role.PLAN_OFFICE, region="nanchuan")
    nanchuan = Caller("nc-office", tokens.create("nc-office")[1])
    paths = [
        "/api/regions/fuling/reports/quarterly/2025-Q3",
        "/api/regions/fuling/reports/monthly/2025-10",
        "/api/regions/fuling/reports/notice/2025-06",
    ]
    assert [nanchuan.get(p, {"format": "md"}).status_code for p in paths] == [403, 403, 403]


def test_the_quarterly_brief_is_named_by_its_quarter(register, bob):
    response = bob.get("/api/regions/fuling/reports/quarterly/2025-Q3", {"format": "docx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="fuling-2025-Q3-quarterly.docx"'


def test_the_monthly_brief_is_named_by_its_month_and_lists_the_at_risk_first(register, bob):
    response = bob.get("/api/regions/fuling/reports/monthly/2025-10", {"format": "md"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="fuling-2025-10-monthly.md"'
    text = response.content.decode()
    assert text.index("预计全年难以完成") < text.index("完成全年目标仍需加力")
    assert bob.get("/api/regions/fuling/reports/monthly/2025-Q3").status_code == 400


def test_the_notice_lists_the_lagging_projects_of_the_month(register, carol):
    response = carol.get("/api/regions/fuling/reports/notice/2025-06", {"format": "md"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="fuling-2025-06-notice.md"'
    assert "2025-ZF-002" in response.content.decode()  # 落后序时进度 at the end of June


def test_a_region_or_year_without_a_plan_is_not_found_and_a_bad_format_is_bad_input(register, dave):
    assert dave.get("/api/regions/nope/reports/annual/2024").status_code == 404
    assert dave.get("/api/regions/fuling/reports/annual/1990", {"format": "md"}).status_code == 404
    bad = dave.get(ANNUAL, {"format": "odt"})
    assert (bad.status_code, bad.json()["field"]) == (400, "format")
    assert dave.get("/api/regions/fuling/reports/quarterly/2025-07").status_code == 400
