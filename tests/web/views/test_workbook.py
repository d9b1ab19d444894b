"""The workbook on the periods page: download it, upload it filled; a bad one lists every cell."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from planwatch.web.submissions import periods
from planwatch.web.submissions.models import Submission
from planwatch.web.submissions.workbook import SHEET
from tests.web.views.conftest import user


def upload(client, content: bytes):
    file = SimpleUploadedFile("表.xlsx", content)
    return client.post("/submissions/import/", {"workbook": file})


def with_value(content: bytes, value: object) -> bytes:
    book = load_workbook(io.BytesIO(content))
    book[SHEET]["G2"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_clerk_downloads_fills_and_uploads_its_workbook(stats, office):
    periods.open_period(
        actor=user("office"), region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
    )
    page = stats.get("/periods/").content.decode()
    assert "/periods/fuling/2025-Q3/workbook/" in page and 'name="workbook"' in page
    assert (
        "/periods/fuling/2025-Q3/workbook/?department=" in office.get("/periods/").content.decode()
    )
    got = stats.get("/periods/fuling/2025-Q3/workbook/")
    assert got.status_code == 200 and "attachment" in got["Content-Disposition"]
    bad = upload(stats, with_value(got.content, "abc"))
    assert bad.status_code == 400
    assert "报送:2: G列「本期数值」「abc」不是数值" in bad.content.decode()
    assert not Submission.objects.exists()
    assert upload(stats, with_value(got.content, 6.1)).status_code == 302
    assert Submission.objects.get().value == 6.1


@pytest.mark.django_db
def test_another_department_or_a_missing_file_is_refused(commerce, leader):
    periods.open_period(
        actor=user("office"), region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
    )
    assert commerce.get("/periods/fuling/2025-Q3/workbook/?department=区统计局").status_code == 403
    assert leader.get("/periods/fuling/2025-Q3/workbook/?department=区统计局").status_code == 403
    assert commerce.post("/submissions/import/").status_code == 400
