"""Reports read the project register, key tasks and problem list from the database."""

from __future__ import annotations

import re

import pytest

from planwatch.reports.build_annual import build_annual
from planwatch.reports.build_quarterly import build_quarterly
from planwatch.reports.model import Paragraph, Table
from tests.conftest import DEMO_DATASET
from tests.reports.builders import seed_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(demo):
    """The demo plan plus its 2025 register, progress, key tasks and problems."""
    from planwatch.web.projects.demo import load_year

    return load_year(DEMO_DATASET, 2025)


def texts(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def test_the_project_paragraph_from_the_stored_register_equals_seed_line_115(work):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2024))
    [section_two] = [s for s in report.sections if s.title == seed_line(103)]
    projects = section_two.sections[2]
    assert texts(projects.blocks) == [seed_line(115)]
    assert projects.blocks[0].runs[0].source == "synthetic"  # a synthetic register: 示例数据


def test_the_general_requirements_are_the_offices_draft_equal_to_seed_line_107(demo):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2024))
    requirements = report.sections[1].sections[0]
    assert requirements.title == "(一)总体要求"
    assert texts(requirements.blocks) == [seed_line(107)]
    assert requirements.blocks[0].runs[0].source == "seed:L107"


def test_the_next_years_key_tasks_come_from_the_stored_tree(work):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2024))
    tasks = texts(report.sections[2].blocks)
    assert tasks[0] == "重点做好以下8个方面31项工作:"
    assert tasks[2].startswith("一是深入推进新型工业化。主要目标:力争规上工业产值突破3000亿元")


def test_the_review_of_a_year_with_a_task_tree_states_each_result(work):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2025))
    review = texts(report.sections[0].blocks)
    assert "过去一年,重点抓了以下八个方面工作:" in review
    assert any(t.startswith("1.深入推进新型工业化。力争规上工业产值突破3000亿元:") for t in review)


def test_the_2024_review_has_the_seeds_seven_areas_and_23_items_with_cited_results(demo):
    from planwatch.reports.gather import annual_inputs
    from planwatch.web.projects.demo import load_year

    load_year(DEMO_DATASET, 2024)
    report = build_annual(annual_inputs("fuling", 2024))
    review = report.sections[0].blocks
    assert "过去一年,重点抓了以下七个方面工作:" in texts(review)
    items = [b for b in review if isinstance(b, Paragraph) and re.match(r"\d+\.\D", b.text)]
    titles = [b.text.split("。")[0] for b in items]
    assert titles[:2] == ["1.服务保障切实增强", "2.消费活力加快复苏"]
    assert len(items) == 23
    runs = [r for b in items for r in b.runs[1:] if r.source]
    outcomes = [r for r in runs if r.text.startswith(":")]
    assert len(outcomes) == 66 and all(r.source.startswith("seed:L") for r in outcomes)
    assert {r.source for r in runs if r not in outcomes} == {"illustrative"}  # no 2024 plan
    assert "联系服务重点企业及个体户2万家(次)以上:2.2万家(次),高于预期" in items[0].text


def test_the_quarterly_brief_tables_lagging_projects_and_overdue_problems(work):
    from planwatch.reports.gather import quarterly_inputs

    inputs = quarterly_inputs("fuling", 2025, 3)
    assert inputs.lagging and inputs.overdue is not None
    report = build_quarterly(inputs)
    assert isinstance(report.sections[1].blocks[1], Table)
    assert "项目库及月度进度(滞后项目)" not in report.missing


def test_report_notice_writes_the_months_lag_notice_in_any_format(work, tmp_path):
    from planwatch.reports.documents import notice_report
    from planwatch.reports.render import Format

    md = notice_report("fuling", "2025-06", Format.MD).decode("utf-8")
    assert md.startswith("# 涪陵区2025年6月项目进度滞后督导通报")
    assert "| 项目编码 | 项目名称 |" in md
