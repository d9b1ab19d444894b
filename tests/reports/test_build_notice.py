"""The lag notice is one report model: every format renders it."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from planwatch.core.errors import InvalidValue
from planwatch.core.observations import Period
from planwatch.core.progress import DEFAULT_THRESHOLD, assess_all
from planwatch.projects_io.notice import Notice, build_notice
from planwatch.reports.build_notice import build_lag_notice, chinese_ordinal
from planwatch.reports.layout import notice_official
from planwatch.reports.model import Official, Table
from planwatch.reports.render import Format, render
from tests.core.project_builders import make_project, make_report

JUNE = Period(2025, month=6)


def notice(*completed: int) -> Notice:
    projects = [make_project(f"P{k}", department="区交通局") for k in range(len(completed))]
    reports = [make_report(f"P{k}", completed=c) for k, c in enumerate(completed)]
    return build_notice(assess_all(projects, reports, JUNE), JUNE, DEFAULT_THRESHOLD)


def test_each_department_has_a_numbered_section_with_its_lagging_projects():
    report = build_lag_notice(notice(100, 520), "涪陵区")
    assert report.title == "涪陵区2025年6月项目进度滞后督导通报"
    assert report.sections[1].title == "一、滞后项目清单"
    section = report.sections[1].sections[0]
    assert section.title == "(一)区交通局(1个)"
    table = section.blocks[0]
    assert isinstance(table, Table)
    assert [c[0].text for c in table.rows[0]][:2] == ["P0", "示例道路工程"]


def test_the_money_of_each_row_cites_the_register():
    report = build_lag_notice(notice(100))
    table = report.sections[1].sections[0].blocks[0]
    assert isinstance(table, Table)
    plan, done = table.rows[0][3][0], table.rows[0][4][0]
    assert (plan.text, done.text) == ("1,000", "100")
    assert plan.about == "示例道路工程 年度计划投资(万元)"
    assert done.about == "示例道路工程 2025-06累计完成投资(万元)"


def test_a_month_without_lagging_projects_says_so():
    report = build_lag_notice(notice(520))
    assert report.sections[1].blocks[0].text == "本月无滞后项目。"


@pytest.mark.parametrize("fmt", list(Format))
def test_the_notice_renders_in_every_format(fmt):
    content = render(build_lag_notice(notice(100, 200)), fmt)
    if fmt is Format.DOCX:
        assert [len(t.rows) for t in docx.Document(BytesIO(content)).tables] == [3]
    assert content


def test_departments_are_numbered_in_chinese_past_ten():
    assert [chinese_ordinal(n) for n in (1, 10, 14, 20, 21)] == [
        "一",
        "十",
        "十四",
        "二十",
        "二十一",
    ]


def test_the_notice_is_a_gongwen_with_number_addressees_signature_date_and_copies():
    official = Official(
        "涪发改督〔2025〕6号",
        "区级有关部门",
        "涪陵区发展和改革委员会",
        "2025年7月3日",
        "区政府办公室",
    )
    content = render(build_lag_notice(notice(100), "涪陵区", official), Format.DOCX)
    texts = [p.text for p in docx.Document(BytesIO(content)).paragraphs if p.text]
    assert texts[:3] == [
        "涪发改督〔2025〕6号",
        "涪陵区2025年6月项目进度滞后督导通报",
        "区级有关部门:",
    ]
    assert texts[-3:] == ["涪陵区发展和改革委员会", "2025年7月3日", "抄送:区政府办公室。"]


def test_the_office_sets_the_gongwen_parts_and_the_command_line_overrides_them():
    parts = notice_official("fuling", 2025, 6, {"date": "2025-07-03", "cc": "区政府办公室"})
    assert parts.number == "涪发改督〔2025〕6号" and parts.date == "2025年7月3日"
    assert parts.issuer == "重庆市涪陵区发展和改革委员会" and parts.copies == "区政府办公室"
    with pytest.raises(InvalidValue):
        notice_official("fuling", 2025, 6, {"date": "7/3"})
