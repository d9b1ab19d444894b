"""The Fuling dataset through the engine reproduces the published 2024 outcome (seed line 101)."""

from __future__ import annotations

from collections import Counter

import pytest

from planwatch.core.dataset import read_dataset
from planwatch.core.evaluation import Verdict
from planwatch.core.plan import PlanYear, evaluate_plan
from planwatch.core.summary import summary_paragraph
from tests.conftest import DEMO_DATASET


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(DEMO_DATASET)


@pytest.fixture(scope="module")
def evaluations_2024(dataset):
    return evaluate_plan(
        PlanYear("fuling", 2024, dataset.indicators, dataset.targets, dataset.observations)
    )


def names(evaluations, verdict):
    return [e.indicator.name for e in evaluations if e.verdict is verdict]


def test_the_indicator_system_has_31_indicators_7_binding_and_24_expected(dataset):
    assert len(dataset.indicators) == 31
    assert Counter(i.binding.value for i in dataset.indicators) == {"binding": 7, "expected": 24}


def test_2024_counts_match_the_published_outcome(evaluations_2024):
    counts = Counter(e.verdict for e in evaluations_2024)
    assert counts == {
        Verdict.ABOVE: 12,
        Verdict.MET: 8,
        Verdict.BELOW: 8,
        Verdict.NO_DATA: 2,
        Verdict.NO_TARGET: 1,
    }


def test_2024_no_data_and_no_target_indicators_are_the_published_ones(evaluations_2024):
    assert names(evaluations_2024, Verdict.NO_DATA) == [
        "战略性新兴产业增加值增速",
        "民营经济增加值增速",
    ]
    assert names(evaluations_2024, Verdict.NO_TARGET) == ["生产安全事故死亡人数"]


def test_2024_indicators_under_80_percent_are_retail_sales_and_trade(evaluations_2024):
    assert [e.indicator.name for e in evaluations_2024 if e.flagged] == [
        "社会消费品零售总额增速",
        "进出口总额增速",
    ]


def test_the_named_examples_fall_in_their_groups(evaluations_2024):
    assert "一般公共预算收入增速" in names(evaluations_2024, Verdict.ABOVE)
    assert "固定资产投资增速" in names(evaluations_2024, Verdict.MET)
    assert "规上工业增加值增速" in names(evaluations_2024, Verdict.BELOW)


def test_the_summary_paragraph_equals_the_published_one(dataset, evaluations_2024, seed_lines):
    published = seed_lines[100]
    expected = published[published.index("与2024年初人代会目标相比") :]
    assert (
        summary_paragraph(2024, evaluations_2024, examples=dataset.summary_examples[2024])
        == expected
    )


def test_every_value_cites_the_seed_line_or_says_it_is_illustrative(dataset, seed_lines):
    for item in [*dataset.targets, *dataset.observations]:
        if item.source.startswith("seed:L"):
            line = int(item.source.removeprefix("seed:L"))
            assert 1 <= line <= len(seed_lines)
        else:
            assert item.source == "illustrative", item


def test_seed_sourced_2024_values_appear_on_their_cited_line(dataset, seed_lines):
    for obs in dataset.observations:
        if obs.source.startswith("seed:L"):
            line = seed_lines[int(obs.source.removeprefix("seed:L")) - 1]
            assert f"{obs.value:g}" in line, (obs.indicator, obs.value, obs.source)


def test_2025_targets_state_what_the_seed_states(dataset, seed_lines):
    for target in dataset.targets:
        if target.year == 2025 and target.source.startswith("seed:L"):
            line = seed_lines[int(target.source.removeprefix("seed:L")) - 1]
            assert (
                target.text.replace("%", "") in line.replace("%", "")
                or target.value is None
                or (f"{target.value:g}" in line)
            ), target


def test_in_year_evaluation_judges_rates_year_to_date_and_quantities_by_time_progress(dataset):
    from planwatch.core.observations import Period
    from planwatch.core.timeprogress import Light

    plan = PlanYear("fuling", 2025, dataset.indicators, dataset.targets, dataset.observations)
    by_code = {e.indicator.code: e for e in evaluate_plan(plan, Period(2025, month=10))}
    gdp = by_code["gdp_growth"]
    assert (gdp.actual, str(gdp.observation.period), gdp.verdict) == (6.2, "2025-Q3", Verdict.MET)
    jobs = by_code["new_urban_jobs"]
    assert jobs.verdict is Verdict.NO_DATA  # the year's value is not known yet
    assert jobs.progress.progress == pytest.approx(83.0)
    assert jobs.progress.light is Light.AMBER  # 83.0% against 83.3% of the year
    fdi = by_code["fdi_utilized"]  # reported for September, not for October
    assert (fdi.verdict, fdi.progress) == (Verdict.NOT_REPORTED, None)
    september = {e.indicator.code: e for e in evaluate_plan(plan, Period(2025, month=9))}
    assert september["fdi_utilized"].progress.light is Light.RED  # 64% at the end of September


def test_without_as_of_in_year_values_do_not_count(dataset):
    plan = PlanYear("fuling", 2025, dataset.indicators, dataset.targets, dataset.observations)
    assert all(e.verdict is not Verdict.MET for e in evaluate_plan(plan))
