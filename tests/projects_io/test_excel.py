from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from planwatch.core.errors import DatasetError
from planwatch.core.project_dataset import read_project_data
from planwatch.core.spreadsheet import MAX_PART_BYTES
from planwatch.projects_io.excel import read_workbook, write_workbook
from tests.conftest import DEMO_DATASET
from tests.core.project_builders import DEPARTMENTS, make_project, make_report, milestone
from tests.spreadsheets import bomb


def test_the_demo_register_survives_a_round_trip_through_excel(tmp_path: Path) -> None:
    data = read_project_data(DEMO_DATASET, 2025)
    path = tmp_path / "register.xlsx"
    write_workbook(
        path, departments=data.departments, projects=data.projects, progress=data.progress
    )
    content = read_workbook(path, departments=data.departments)
    source = "excel:register.xlsx"
    assert content.projects == [replace(p, source=source) for p in data.projects]
    assert content.progress == [replace(r, source=source) for r in data.progress]


def test_the_template_has_chinese_headers_and_drop_down_lists(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_workbook(path, departments=DEPARTMENTS)
    book = load_workbook(path)
    sheet = book["项目"]
    assert [c.value for c in sheet[1]][:4] == ["项目编码", "项目名称", "年度", "项目类别"]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {
        "D2": "选项!$A$1:$A$4",
        "E2": "选项!$B$1:$B$3",
        "F2": "选项!$C$1:$C$2",
        "G2": "选项!$D$1:$D$3",
    }
    assert book["选项"].sheet_state == "hidden"
    assert [c.value for c in book["选项"]["D"] if c.value] == list(DEPARTMENTS)
    assert [c.value for c in book["月度进度"][1]][:3] == [
        "项目编码",
        "月份",
        "本年累计完成投资(万元)",
    ]


def write_bad_workbook(path: Path) -> None:
    good = make_project("G1", milestones=(milestone("开工", 3, 1),))
    write_workbook(
        path,
        departments=DEPARTMENTS,
        projects=[
            good,
            make_project("B1", department="区月球局"),
            make_project("B2", total=Decimal(100), annual_plan=Decimal(200)),
            make_project("G1"),
            make_project("B3", start=date(2025, 9, 1), end=date(2025, 8, 1)),
        ],
        progress=[make_report("G1")],
    )
    book = load_workbook(path)
    book["项目"]["K7"] = "-5"  # a sixth row, negative total
    for column, value in zip(
        "ABCDEFGHIJLMN",
        [
            "B4",
            "x",
            2025,
            "新开工",
            "一般",
            "是",
            "区交通局",
            "u",
            "l",
            "t",
            "0",
            "2025-01-01",
            "2025-12-31",
        ],
        strict=True,
    ):
        book["项目"][f"{column}7"] = value
    book.save(path)


def test_a_bad_workbook_reports_every_bad_row_with_sheet_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    write_bad_workbook(path)
    with pytest.raises(DatasetError) as caught:
        read_workbook(path, departments=DEPARTMENTS)
    assert [str(p) for p in caught.value.problems] == [
        "项目:2: A列「项目编码」项目编码 G1 重复",
        "项目:3: G列「责任部门」未知部门「区月球局」",
        "项目:4: L列「年度计划投资(万元)」年度计划投资 200 超过总投资 100",
        "项目:5: A列「项目编码」项目编码 G1 重复",
        "项目:6: N列「建设期止」计划完工 2025-08-01 早于计划开工 2025-09-01",
        "项目:7: K列「总投资(万元)」投资额为负数 (-5)",
        "项目:7: L列「年度计划投资(万元)」年度计划投资 0 超过总投资 -5",
    ]


def test_a_register_that_would_decompress_to_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb(MAX_PART_BYTES * 2).getvalue())
    with pytest.raises(DatasetError, match=r"sharedStrings\.xml 解压后"):
        read_workbook(path, departments=DEPARTMENTS)


def test_a_file_that_is_no_workbook_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_text("code,name\n")
    with pytest.raises(DatasetError, match=r"register\.xlsx:0: 不是 Excel 工作簿"):
        read_workbook(path, departments=DEPARTMENTS)


def test_a_sheet_missing_a_column_is_refused_at_its_header(tmp_path: Path) -> None:
    path = tmp_path / "short.xlsx"
    write_workbook(path, departments=DEPARTMENTS, projects=[make_project()])
    book = load_workbook(path)
    book["项目"].delete_cols(2)
    book.save(path)
    with pytest.raises(DatasetError) as caught:
        read_workbook(path, departments=DEPARTMENTS)
    assert [str(p) for p in caught.value.problems] == ["项目:1: 表头缺少列:项目名称"]


def test_progress_may_name_projects_already_in_the_register(tmp_path: Path) -> None:
    path = tmp_path / "progress.xlsx"
    write_workbook(path, departments=DEPARTMENTS, progress=[make_report("P001")])
    content = read_workbook(path, departments=DEPARTMENTS, existing=[make_project("P001")])
    assert content.projects == [] and [r.project for r in content.progress] == ["P001"]


def test_a_workbook_without_either_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.title = "Sheet1"  # type: ignore[union-attr]
    book.save(path)
    with pytest.raises(DatasetError, match="没有「项目」或「月度进度」工作表"):
        read_workbook(path, departments=DEPARTMENTS)
