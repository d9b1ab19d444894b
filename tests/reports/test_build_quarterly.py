"""The quarterly brief judges growth against targets and levels against time progress."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from planwatch.core.observations import Period
from planwatch.core.plan import PlanYear, evaluate_plan
from planwatch.reports.build_quarterly import build_quarterly
from planwatch.reports.build_tables import with_sources
from planwatch.reports.inputs import LaggingProject, OverdueProblem, QuarterlyInputs
from planwatch.reports.model import Chart, Paragraph, Table
from planwatch.reports.render import Format, render
from planwatch.reports.render_html import render_html
from tests.reports.builders import fuling


def quarterly_inputs(quarter: int = 3, **changes: object) -> QuarterlyInputs:
    d = fuling()
    plan = PlanYear(d.region.code, 2025, d.indicators, d.targets, d.observations)
    fields: dict[str, object] = {
        "region": d.region.name,
        "year": 2025,
        "quarter": quarter,
        "evaluations": evaluate_plan(plan, as_of=Period(2025, quarter=quarter)),
    }
    fields.update(changes)
    return QuarterlyInputs(**fields)  # type: ignore[arg-type]


def rows_by_name(table: Table) -> dict[str, list[str]]:
    return {row[0][0].text: ["".join(r.text for r in cell) for cell in row] for row in table.rows}


def test_the_latest_cumulative_value_up_to_the_quarter_is_used():
    blocks = build_quarterly(quarterly_inputs(2)).sections[0].blocks
    table = next(b for b in blocks if isinstance(b, Table))
    assert isinstance(table, Table)
    assert rows_by_name(table)["城镇新增就业"][3] == "1.04"


def test_levels_are_judged_against_time_progress_and_growth_against_the_target():
    report = build_quarterly(quarterly_inputs())
    table = next(b for b in report.sections[0].blocks if isinstance(b, Table))
    rows = rows_by_name(table)
    assert rows["城镇新增就业"][3:] == ["1.52", "76.0%", "75.0%", "快于序时"]
    assert rows["实际使用外资"][3:] == ["640", "64.0%", "75.0%", "滞后"]
    assert rows["地区生产总值增速"][3:] == ["6.2", "—", "—", "达到预期"]
    assert rows["税收收入增速"][3:] == ["4.5", "—", "—", "达到预期"]  # 1—9月, illustrative
    assert rows["粮食产量"][3] == "暂无数据"  # published yearly only


def test_the_brief_opens_with_the_cumulative_growth_rates_and_draws_two_charts():
    report = build_quarterly(quarterly_inputs())
    opening = report.sections[0].blocks[0]
    assert isinstance(opening, Paragraph)
    assert opening.text.startswith("前三季度,地区生产总值增长6.2%,规上工业增加值增长9.1%")
    charts = [b for b in report.sections[0].blocks if isinstance(b, Chart)]
    # every growth rate with a year-to-date value (15), every level with a target (4)
    assert [len(c.bars) for c in charts] == [15, 4]
    assert render_html(report).count("<svg") == 2


def test_lagging_projects_and_overdue_problems_are_tabled_when_given():
    inputs = quarterly_inputs(
        lagging=[LaggingProject("太和风电", "区发展改革委", 40.0, 75.0, "synthetic")],
        overdue=[OverdueProblem("项目用地未报批", "区规划自然资源局", "2025-08-31", 30)],
    )
    report = build_quarterly(inputs)
    assert "项目库及月度进度(滞后项目)" not in report.missing
    projects = report.sections[1].blocks[1]
    assert isinstance(projects, Table) and projects.rows[0][2][0].text == "40.0%"
    problems = report.sections[2].blocks[1]
    assert isinstance(problems, Table) and problems.rows[0][3][0].text == "30天"


def test_without_register_or_problem_list_the_brief_says_no_data():
    report = build_quarterly(quarterly_inputs(quarter=1))
    assert report.title == "涪陵区2025年一季度经济运行分析"
    assert {"项目库及月度进度(滞后项目)", "问题清单(逾期问题)"} <= set(report.missing)
    assert report.sections[-1].title == "三、问题整改情况"
    assert with_sources(report).sections[-1].title == "附件2 待办事项(供起草人)"


@pytest.mark.parametrize("fmt", list(Format))
def test_the_brief_renders_in_every_format(fmt):
    content = render(build_quarterly(quarterly_inputs()), fmt)
    assert content
    if fmt is Format.DOCX:
        assert len(docx.Document(BytesIO(content)).inline_shapes) == 2
