"""The reporting workbook: downloaded pre-filled, uploaded filled; every row or nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from planwatch.core.errors import DatasetError
from planwatch.core.spreadsheet import MAX_PART_BYTES
from planwatch.services import values
from planwatch.services.values import Entry
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.submissions import imports, periods
from planwatch.web.submissions.models import State, Submission
from planwatch.web.submissions.workbook import SHEET
from tests.spreadsheets import bomb
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def who(caller) -> User:
    return User.objects.get(username=caller.username)


@pytest.fixture
def quarter(alice) -> None:
    periods.open_period(
        actor=who(alice), region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
    )
    periods.open_period(
        actor=who(alice), region_code="fuling", period="2025", due=date(2026, 1, 31)
    )


def exported(caller, department: str = "区统计局", period: str = "2025-Q3") -> bytes:
    return imports.export_workbook(
        actor=who(caller), region_code="fuling", period=period, department=department
    )


def filled(content: bytes, rows: dict[int, list[object]]) -> io.BytesIO:
    """The workbook with cells set, by row: the nine columns; ``...`` keeps a cell as it is."""
    book = load_workbook(io.BytesIO(content))
    sheet = book[SHEET]
    for number, cells in rows.items():
        for column, value in enumerate(cells, start=1):
            if value is not ...:
                sheet.cell(row=number, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def uploaded(caller, stream: io.BytesIO) -> imports.Imported:
    return imports.import_workbook(actor=who(caller), stream=stream, name="表.xlsx")


def test_the_workbook_has_a_chinese_header_a_row_per_owed_value_and_a_status_list(alice, quarter):
    sheet = load_workbook(io.BytesIO(exported(alice)))[SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "指标代码",
        "指标名称",
        "单位",
        "报告期",
        "计划目标",
        "上期值",
        "本期数值",
        "实际/预计",
        "说明",
    )
    code, name, unit, period, target, previous, *empty = rows[1]
    assert (code, name, unit, period) == ("gdp_growth", "地区生产总值增速", "%", "2025-Q3")
    assert target and previous.startswith("2025-Q2") and empty == [None, None, None]
    assert [r[0] for r in rows[2:]] == ["income_growth"]  # also quarterly, also 区统计局's
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert lists == ['"实际,预计"']


def test_a_good_workbook_submits_every_filled_row_and_skips_empty_ones(alice, bob, quarter):
    annual = exported(bob, period="2025")  # income_growth is annual; gdp_growth is quarterly
    assert uploaded(bob, filled(annual, {})).submitted == 0
    book = filled(exported(bob), {2: [..., ..., ..., ..., ..., ..., 6.1, "实际", "快报"]})
    assert uploaded(bob, book).submitted == 1
    stored = Submission.objects.get(indicator__code="gdp_growth", period="2025-Q3")
    assert (stored.value, stored.state, stored.note, stored.author.username) == (
        6.1,
        State.SUBMITTED,
        "快报",
        "bob",
    )


def test_a_bad_workbook_writes_nothing_and_lists_every_bad_cell(alice, bob, quarter):
    rows = {
        2: [..., ..., ..., ..., ..., ..., "六点一", "实际", ""],
        3: ["no_such", "", "", "2025-Q3", "", "", 1, "", ""],
        4: ["retail_growth", "", "", "2025-Q3", "", "", 5, "", ""],  # 区商务委's
        5: ["gdp_growth", "", "", "2025-Q3", "", "", 6, "大概", ""],
        6: ["income_growth", "", "", "2025-13", "", "", 6, "实际", ""],
        8: [None, None, None, None, None, None, None, None, None],  # empty: skipped
    }
    before = Submission.objects.count()
    with pytest.raises(DatasetError) as rejected:
        uploaded(bob, filled(exported(bob), rows))
    found = [(p.file, p.line, p.reason[:2]) for p in rejected.value.problems]
    assert found == [
        (SHEET, 2, "G列"),
        (SHEET, 3, "A列"),
        (SHEET, 4, "A列"),
        (SHEET, 5, "H列"),
        (SHEET, 6, "D列"),
    ]
    assert "不是数值" in rejected.value.problems[0].reason
    assert "区商务委" in rejected.value.problems[2].reason
    assert Submission.objects.count() == before


def test_one_bad_row_keeps_the_good_rows_out_too(alice, quarter):
    rows = {
        2: ["gdp_growth", "", "", "2025-Q3", "", "", 6.1, "实际", ""],
        3: ["retail_growth", "", "", "2025-Q3", "", "", 5.0, "实际", ""],
        4: ["gdp_growth", "", "", "2025-Q3", "", "", 6.2, "实际", ""],  # the same value twice
    }
    with pytest.raises(DatasetError) as rejected:
        uploaded(alice, filled(exported(alice), rows))
    assert [p.line for p in rejected.value.problems] == [4]
    assert "重复" in rejected.value.problems[0].reason
    assert not Submission.objects.exists()


def test_a_value_already_submitted_or_a_closed_period_is_a_bad_row(alice, bob, quarter):
    content = exported(bob)
    values.submit_value(
        actor=who(bob),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2025-Q3", 6.0),
    )
    with pytest.raises(DatasetError, match="待审核"):
        uploaded(bob, filled(content, {2: [..., ..., ..., ..., ..., ..., 6.1, "实际", ""]}))
    periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q3")
    with pytest.raises(Conflict):
        exported(bob)
    row = {2: ["income_growth", "", "", "2025-Q3", "", "", 6.1, "实际", ""]}
    with pytest.raises(DatasetError, match="关闭"):
        uploaded(bob, filled(content, row))


def test_a_clerk_downloads_only_its_own_departments_workbook(bob, dave, quarter):
    assert exported(bob)
    for caller, department in ((bob, "区商务委"), (dave, "区统计局")):
        with pytest.raises(Forbidden):
            exported(caller, department)


def test_a_file_that_is_not_a_workbook_is_refused(bob):
    with pytest.raises(DatasetError, match="不是 Excel"):
        uploaded(bob, io.BytesIO(b"not a workbook"))


def test_the_api_downloads_and_uploads_the_workbook(alice, bob, quarter):
    path = "/api/periods/fuling/2025-Q3/workbook"
    got = bob.get(path, {"department": "区统计局"})
    assert got.status_code == 200 and got["Content-Type"].startswith("application/vnd.openxml")
    assert bob.get(path, {"department": "区商务委"}).status_code == 403
    client = Client(HTTP_AUTHORIZATION=f"Bearer {bob.token}")
    book = filled(got.content, {2: [..., ..., ..., ..., ..., ..., 6.1, "实际", ""]})
    book.name = "表.xlsx"
    answer = client.post("/api/imports/submissions", {"workbook": book})
    assert (answer.status_code, answer.json()) == (201, {"region": "fuling", "submitted": 1})
    again = filled(got.content, {2: [..., ..., ..., ..., ..., ..., "x", "实际", ""]})
    again.name = "表.xlsx"
    refused = client.post("/api/imports/submissions", {"workbook": again})
    assert (refused.status_code, refused.json()["code"]) == (422, "dataset_error")
    assert "报送 第2行" in refused.json()["message"] or "报送:2" in refused.json()["message"]


def test_a_file_far_larger_than_a_departments_workbook_is_refused_unread(alice, quarter):
    huge = io.BytesIO(b"PK\x03\x04" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(DatasetError, match="超过 5 MB"):
        uploaded(alice, huge)
    assert not Submission.objects.exists()


def test_a_workbook_that_would_decompress_to_gigabytes_is_refused_before_it_is_read(bob, quarter):
    book = bomb(MAX_PART_BYTES * 2)
    book.name = "表.xlsx"
    client = Client(HTTP_AUTHORIZATION=f"Bearer {bob.token}")
    refused = client.post("/api/imports/submissions", {"workbook": book})
    assert (refused.status_code, refused.json()["code"]) == (422, "dataset_error")
    assert "sharedStrings.xml 解压后" in refused.json()["message"]
    assert not Submission.objects.exists()


def test_a_sheet_of_thousands_of_rows_is_refused(alice, quarter, monkeypatch):
    monkeypatch.setattr("planwatch.web.submissions.workbook.MAX_ROWS", 3)
    content = exported(alice)
    stream = filled(content, {row: [f"x{row}", ..., ..., ..., ..., ..., 1] for row in range(2, 6)})
    with pytest.raises(DatasetError, match="超过 3 行"):
        uploaded(alice, stream)
    assert not Submission.objects.exists()
