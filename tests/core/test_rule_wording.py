"""The engine's rule, sources and origins as people read them: words, never codes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planwatch.core.evaluation import evaluate
from planwatch.core.indicators import Direction, Kind
from planwatch.core.rule_wording import cited_lines, origin_words, rule_words, source_words
from planwatch.core.targets import TargetForm
from tests.core.builders import make_indicator, make_observation, make_target


def judged(form: TargetForm, value: float | None, text: str, actual: float | None, **kw):
    indicator = make_indicator(**kw)
    target = replace(make_target(form, value), text=text)
    observation = None if actual is None else make_observation(actual)
    return evaluate(indicator, target, observation)


def test_an_at_least_target_met_within_its_tolerance_reads_as_the_plan_writes_it():
    e = judged(TargetForm.AT_LEAST, 6, "6%以上", 6.2)
    assert e.rule == "at_least: 6 ≤ 6.2 ≤ 6 + 0.5"  # the code stays for the API
    assert rule_words(e) == "目标6%以上,实际6.2%,在容差0.5个百分点内 → 达到预期"
    english = "target at least 6%, actual 6.2%, within the tolerance of 0.5 percentage points"
    english += " → met expectation"
    assert rule_words(e, english=True) == english


@pytest.mark.parametrize(
    ("actual", "words"),
    [
        (7.0, "目标6%以上,实际7%,高出目标1个百分点,超过容差0.5个百分点 → 高于预期"),
        (5.5, "目标6%以上,实际5.5%,低于目标0.5个百分点 → 低于预期"),
    ],
)
def test_an_at_least_target_says_by_how_much_it_was_passed_or_missed(actual, words):
    assert rule_words(judged(TargetForm.AT_LEAST, 6, "6%以上", actual)) == words


def test_a_ceiling_and_a_level_speak_in_the_indicator_s_unit():
    capped = judged(TargetForm.AT_MOST, 5.5, "控制在5.5%以内", 6.0)
    assert rule_words(capped) == "目标控制在5.5%以内,实际6%,超出上限0.5个百分点 → 低于预期"
    jobs = judged(TargetForm.AT_LEAST, 2, "2万人", 1.8, kind=Kind.LEVEL, unit="万人")
    assert rule_words(jobs) == "目标2万人,实际1.8万人,低于目标0.2万人 → 低于预期"


def test_a_lower_is_better_point_target_says_its_tolerance_both_ways():
    e = judged(TargetForm.APPROX, 5, "5%左右", 5.3, direction=Direction.LOWER)
    assert rule_words(e) == "目标5%左右,实际5.3%,在容差±0.5个百分点内 → 达到预期"


def test_a_verdict_without_a_comparison_says_why_not_the_code():
    e = judged(TargetForm.AT_LEAST, 6, "6%以上", None)
    assert e.rule == "no data: 暂无数据"
    assert rule_words(e) == "暂无数据,不作评价"
    assert rule_words(e, english=True) == "no value yet: not judged"


@pytest.mark.parametrize(
    ("source", "zh", "en"),
    [
        ("seed:L37", "报告第37行", "report line 37"),
        ("report-2025.txt:L12", "report-2025.txt第12行", "report-2025.txt, line 12"),
        ("synthetic", "模拟数据", "simulated data"),
        ("illustrative", "", ""),
    ],
)
def test_a_source_is_written_as_a_place_in_a_document(source, zh, en):
    assert (source_words(source), source_words(source, english=True)) == (zh, en)


@pytest.mark.parametrize(
    ("origin", "zh"),
    [
        ("dataset:fuling", "数据集导入(fuling)"),
        ("submission:12", "部门报送#12(经审核)"),
        ("synthetic", "示例数据"),
    ],
)
def test_an_origin_says_what_put_the_value_there(origin, zh):
    assert origin_words(origin) == zh


def test_a_source_names_the_document_and_lines_it_cites():
    assert cited_lines("seed:L37") == ("seed", 37, 37)
    assert cited_lines("L43-45") == ("seed", 43, 45)
    assert cited_lines("2023年报告:L12") == ("2023年报告", 12, 12)
    assert cited_lines("illustrative") is None and cited_lines("synthetic") is None
    assert source_words("seed:L43-45") == "报告第43–45行"
