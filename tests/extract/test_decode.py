"""Reading report bytes: encodings, HTML pages, traditional characters, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.core.errors import PlanwatchError, UnreadableReport
from planwatch.extract import extract_statements, read_report

PARAGRAPH = "一、2024年计划执行情况\n地区生产总值增长6.5%左右,规上工业增加值增长9%。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_a_report_reads_the_same_in_every_common_chinese_encoding(encoding: str) -> None:
    assert read_report(PARAGRAPH.encode(encoding)) == PARAGRAPH


def test_a_path_is_read_like_its_bytes(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(PARAGRAPH.encode("gb18030"))
    assert read_report(report) == read_report(str(report)) == PARAGRAPH


def test_an_html_page_becomes_paragraph_lines_without_scripts_or_navigation() -> None:
    page = """<!DOCTYPE html><html><head><meta charset="gbk"><title>计划报告</title>
    <script>var x = "增长99%";</script><style>p {color: red}</style></head><body>
    <div class="nav-menu"><a href="/">首页</a> <a>部门</a> 12个栏目</div>
    <div class="content"><p>一、2024年计划执行情况</p>
    <p>地区生产总值增长6.5%左右,<span>工业投资</span>增长16%。</p></div>
    <footer>版权所有 2025 ICP备12345号</footer></body></html>"""
    text = read_report(page.encode("gbk"))
    assert text.splitlines() == [
        "计划报告",
        "一、2024年计划执行情况",
        "地区生产总值增长6.5%左右,工业投资增长16%。",
    ]
    assert [s.value for s in extract_statements(text)] == [6.5, 16]


def test_html_entities_are_decoded() -> None:
    assert read_report(b"<p>A&nbsp;&amp;&#x4e00;</p>").strip() == "A &一"


def test_traditional_characters_become_simplified() -> None:
    text = read_report("國內生產總值增長5%左右,城鎮新增就業1200萬人以上。".encode())
    assert text == "国内生产总值增长5%左右,城镇新增就业1200万人以上。"


def test_simplified_text_is_left_untouched() -> None:
    assert read_report("乾坤,面向发展。".encode()) == "乾坤,面向发展。"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_empty_or_binary_input_is_an_unreadable_report(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableReport, match=reason):
        read_report(data)


def test_a_missing_file_is_an_unreadable_report_and_a_domain_error(tmp_path: Path) -> None:
    with pytest.raises(PlanwatchError, match="no such file"):
        read_report(tmp_path / "absent.txt")
