"""The lag notice is one report model: every format renders it."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from planwatch.core.observations import Period
from planwatch.core.progress import DEFAULT_THRESHOLD, assess_all
from planwatch.projects_io.notice import Notice, build_notice
from planwatch.reports.build_notice import build_lag_notice
from planwatch.reports.model import Table
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
    section = report.sections[1]
    assert section.title == "1. 区交通局(1个)"
    table = section.blocks[0]
    assert isinstance(table, Table)
    assert [c[0].text for c in table.rows[0]][:2] == ["P0", "示例道路工程"]


def test_the_money_of_each_row_cites_the_register():
    report = build_lag_notice(notice(100))
    table = report.sections[1].blocks[0]
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
