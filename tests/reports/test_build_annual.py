"""The annual report model, built from the Fuling demo data, mirrors the seed report."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planwatch.core.evaluation import Verdict
from planwatch.core.report_text import Figure, ReportText
from planwatch.core.summary import summary_paragraph
from planwatch.reports.build_annual import build_annual
from planwatch.reports.build_tables import with_sources
from planwatch.reports.model import Paragraph, Report, Section
from tests.reports.builders import (
    annual_inputs_without_db,
    seed_line,
    seed_projects,
    seed_task_area,
)


def paragraphs(report: Report, title: str) -> list[str]:
    for section in report.sections:
        for _, s in section.walk():
            if s.title == title:
                return [b.text for b in s.blocks if isinstance(b, Paragraph)]
    raise AssertionError(f"no section {title!r}")


@pytest.fixture
def report(demo) -> Report:
    from planwatch.reports.gather import annual_inputs

    return build_annual(replace(annual_inputs("fuling", 2024), projects=seed_projects()))


@pytest.mark.django_db
def test_the_main_targets_paragraph_equals_seed_line_111(report):
    assert paragraphs(report, "(二)主要目标") == [seed_line(111)]


@pytest.mark.django_db
def test_the_project_paragraph_equals_seed_line_115(report):
    assert paragraphs(report, "(三)项目安排") == [seed_line(115)]


@pytest.mark.django_db
def test_the_sections_follow_the_seed_headings(report):
    titles = [s.title for s in report.sections if s.title]
    assert titles[:3] == [seed_line(27), seed_line(103), seed_line(117)]
    assert [s.title for s in report.sections[2].sections][1:] == [seed_line(109), seed_line(113)]


@pytest.mark.django_db
def test_the_year_and_its_four_overview_paragraphs_are_the_seeds_with_stored_figures(report):
    assert paragraphs(report, seed_line(27))[:5] == [seed_line(n) for n in (29, 31, 33, 35, 37)]
    overview = next(s for s in report.sections if s.title == seed_line(27)).blocks[2]
    cited = {r.text: r.source for r in overview.runs if r.source}
    assert cited["6.5%"] == "seed:L33" and cited["55.5%"] == "seed:L33"


@pytest.mark.django_db
def test_the_evaluation_summary_is_the_core_summary_paragraph(report, demo):
    from planwatch.services.evaluation import evaluate

    result = evaluate("fuling", 2024)
    expected = summary_paragraph(2024, result.evaluations, examples=result.examples)
    [summary] = [p for p in paragraphs(report, seed_line(27)) if p.startswith("总体来看")]
    assert summary.endswith(expected) and expected in seed_line(101)
    assert seed_line(101).startswith(summary.removesuffix(expected))


def test_every_figure_of_the_overview_cites_its_record():
    report = build_annual(annual_inputs_without_db())
    overview = next(b for b in report.sections[1].blocks[1:2] if isinstance(b, Paragraph))
    figures = [r for r in overview.runs if any(ch.isdigit() for ch in r.text)]
    assert figures and all(r.source.startswith("seed:L") for r in figures)
    assert ("地区生产总值增速 2024年预计值", "增长6.5%左右", "seed:L33") in report.sources()


def test_missing_parts_go_to_the_review_copys_todo_list_never_into_the_body():
    report = build_annual(annual_inputs_without_db())
    assert "2025年政府投资项目安排(项目库)" in report.missing
    assert "2024年重点任务及完成情况" in report.missing
    assert "战略性新兴产业增加值增速 2024年实际/预计值" in report.missing
    assert report.sections[-1].title == "附表"
    assert paragraphs(report.without_gaps(), "(三)项目安排") == []
    last: Section = with_sources(report).sections[-1]
    assert last.title == "附件2 待办事项(供起草人)"
    assert any("项目库" in b.text for b in last.blocks if isinstance(b, Paragraph))


def test_the_key_tasks_are_written_area_by_area_with_their_sub_targets():
    report = build_annual(annual_inputs_without_db(plan_tasks=[seed_task_area()]))
    tasks = paragraphs(report, seed_line(117))
    assert tasks[0] == "重点做好以下1个方面2项工作:"
    assert tasks[1] == "(一)以培育发展新质生产力为牵引,加快打造特色鲜明、优势突出的现代化产业体系。"
    assert tasks[3] == (
        "二是推动建筑业高质量发展。力争建筑业注册地产值增长5%以上,培育高等级资质企业2家。"
    )


def test_the_review_numbers_tasks_across_areas_and_says_when_results_are_missing():
    report = build_annual(annual_inputs_without_db(review=[seed_task_area()]))
    review = paragraphs(report, seed_line(27))
    assert "过去一年,重点抓了以下一个方面工作:" in review
    assert "2.推动建筑业高质量发展。" in review
    assert "2024年重点任务「深入推进新型工业化」完成情况" in report.missing
    assert "2.推动建筑业高质量发展。" not in paragraphs(report.without_gaps(), seed_line(27))


def test_a_year_without_observations_or_next_targets_still_builds():
    inputs = annual_inputs_without_db(2025)
    report = build_annual(inputs)
    assert "2026年计划指标目标" in report.missing
    assert paragraphs(report, "(二)主要目标") == ["2026年主要预期目标:暂无数据。"]


def test_a_plan_with_no_data_at_all_still_builds_and_lists_everything_missing():
    inputs = annual_inputs_without_db(evaluations=[], next_targets=[], indicators=[])
    report = build_annual(inputs)
    assert "2024年计划指标评价:暂无数据。" in paragraphs(report, seed_line(27))
    assert {"2024年主要指标实际/预计值", "2024年计划指标评价"} <= set(report.missing)


def test_an_area_whose_heading_was_lost_goes_to_the_todo_list_not_the_body():
    area = replace(seed_task_area(), title="", source="")
    report = build_annual(annual_inputs_without_db(plan_tasks=[area]))
    tasks = paragraphs(report, seed_line(117))
    assert not any("暂无数据" in t or t.startswith("(一)") for t in tasks)
    assert tasks[1].startswith("一是深入推进新型工业化。")
    assert "2025年主要任务(一)的标题" in report.missing


def test_an_item_whose_draft_cites_a_value_not_held_is_written_from_its_results():
    figure = Figure(2.2, "万家(次)", "seed:L43", "联系服务重点企业及个体户")
    area = replace(
        seed_task_area(),
        tasks=(replace(seed_task_area().tasks[0], code="1-1", figures=(("1-1-1", figure),)),),
    )
    drafts = ReportText(2024, items={"1-1": "全年联系服务{1-1-1},放款{s9999}。"})
    report = build_annual(annual_inputs_without_db(review=[area], drafts=drafts))
    review = paragraphs(report.without_gaps(), seed_line(27))
    assert "1.深入推进新型工业化。全年联系服务重点企业及个体户2.2万家(次)。" in review
    assert any("{s9999}" in item for item in report.missing)


def test_without_a_draft_the_opening_is_written_from_the_region_as_the_seed_words_it():
    report = build_annual(annual_inputs_without_db())
    assert [b.text for b in report.sections[0].blocks] == [seed_line(23), seed_line(25)]
    assert report.sections[0].blocks[0].style == "to"


def test_the_opening_takes_the_government_and_session_from_the_settings():
    opening = {"session": "县第十八届人民代表大会第五次会议", "advisers": ""}
    report = build_annual(annual_inputs_without_db(region="丰都县", opening=opening))
    assert [b.text for b in report.sections[0].blocks] == [
        "各位代表:",
        "受县人民政府委托,现将丰都县2024年国民经济和社会发展计划执行情况及2025年计划草案"
        "提请县第十八届人民代表大会第五次会议审议。",
    ]


def test_without_a_draft_the_conclusion_judges_the_year_by_the_share_of_targets_met():
    inputs = annual_inputs_without_db()
    met = [e for e in inputs.evaluations if e.verdict in (Verdict.ABOVE, Verdict.MET)]
    below = [e for e in inputs.evaluations if e.verdict is Verdict.BELOW]
    assert 2 / 3 <= len(met) / (len(met) + len(below)) < 1
    cases = {"较好完成": inputs, "全面完成": replace(inputs, evaluations=met)}
    cases["未能全面完成"] = replace(inputs, evaluations=[*met[:1], *below])
    for words, case in cases.items():
        [summary] = [p for p in paragraphs(build_annual(case), seed_line(27)) if "总体来看" in p]
        assert summary.startswith(f"总体来看,2024年涪陵区主要发展预期目标{words}。与2024年初")
