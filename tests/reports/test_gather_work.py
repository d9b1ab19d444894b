"""Reports read the project register, key tasks and problem list from the database."""

from __future__ import annotations

import re
from dataclasses import replace

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
    requirements = report.sections[2].sections[0]
    assert requirements.title == "(一)总体要求"
    assert texts(requirements.blocks) == [seed_line(107)]
    assert requirements.blocks[0].runs[0].source == "seed:L107"


def test_the_next_years_key_tasks_come_from_the_stored_tree(work):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2024))
    tasks = texts(report.sections[3].blocks)
    assert tasks[0] == seed_line(119)
    assert tasks[2] == "一是深入推进新型工业化。力争规上工业产值突破3000亿元、增长10%以上。"
    assert "分别达43%,绿地率" not in " ".join(tasks)
    assert any("力争建成区绿化覆盖率、绿地率分别达43%、38.5%" in t for t in tasks)
    assert not any("暂无数据" in t for t in tasks)
    assert "2025年主要任务(三)的标题" in report.missing


def test_the_review_of_a_year_with_a_task_tree_states_each_result(work):
    from planwatch.reports.gather import annual_inputs

    report = build_annual(annual_inputs("fuling", 2025))
    review = texts(report.sections[1].blocks)
    assert "过去一年,重点抓了以下八个方面工作:" in review
    assert any(t.startswith("1.深入推进新型工业化。全年规上工业产值") for t in review)


AREAS = (51, 59, 67, 77, 85, 91)  # seed lines of areas (二)…(七) between the items


def test_the_2024_review_is_the_seeds_prose_with_every_result_cited_and_qualified(demo):
    from planwatch.reports.gather import annual_inputs
    from planwatch.web.projects.demo import load_year

    load_year(DEMO_DATASET, 2024)
    report = build_annual(annual_inputs("fuling", 2024))
    assert texts(report.sections[0].blocks) == [seed_line(23), seed_line(25)]
    review = report.sections[1].blocks
    assert texts(review)[:5] == [seed_line(n) for n in (29, 31, 33, 35, 37)]
    assert "过去一年,重点抓了以下七个方面工作:" in texts(review)
    items = [b for b in review if isinstance(b, Paragraph) and re.match(r"\d+\.\D", b.text)]
    assert [b.text for b in items] == [seed_line(n) for n in range(43, 100, 2) if n not in AREAS]
    results = {r.text for b in items for r in b.runs if r.source.startswith("seed:L")}
    for quantity in ("110余场", "35亿元", "50%", "4100万吨", "100场次", "1亿余元", "12万千瓦"):
        assert quantity in results


def test_without_the_offices_draft_the_2024_review_is_written_from_the_results(demo):
    from planwatch.reports.gather import annual_inputs
    from planwatch.web.projects.demo import load_year

    load_year(DEMO_DATASET, 2024)
    inputs = annual_inputs("fuling", 2024)
    assert inputs.drafts is not None
    drafts = replace(inputs.drafts, intro="", overview=(), items={})
    report = build_annual(replace(inputs, drafts=drafts))
    review = texts(report.without_gaps().sections[1].blocks)
    assert review[0].startswith("2024年,涪陵区认真执行2024年国民经济和社会发展计划,七个方面23项")
    assert [t[: t.index("。")] for t in review if t.startswith("——")] == [
        "——经济运行",
        "——创新驱动",
        "——生态环境",
        "——民生保障",
    ]
    items = "\n".join(t for t in review if re.match(r"\d+\.\D", t))
    assert "2.消费活力加快复苏。全年“爱尚涪陵·四季消费”促销主题活动110余场," in items
    assert "实际使用外资3353万美元、增长65.7%。" in items
    assert "信息传输和软件服务业、科学研究和技术服务业营业收入分别增长21%、33%" in items
    for said in ("35亿元以上", "达50%左右", "突破4100万吨", "近100场次", "1亿余元", "超12万千瓦"):
        assert said in items
    assert "{" not in items and len(re.findall(r"^\d+\.", items, re.M)) == 23


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
