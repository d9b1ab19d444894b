"""Class 1: completion of the year's plan takes the holder's name (invented sentences)."""

from __future__ import annotations

from planwatch.extract import Measure, Status

from ..conftest import review


def rows(*paragraphs: str) -> list[tuple[str, float | None, str | None, Measure, Status]]:
    return [(s.subject, s.value, s.unit, s.measure, s.status) for s in review(*paragraphs)]


def test_the_planned_amount_is_a_target_of_the_holder_and_the_rate_its_completion() -> None:
    assert rows("社会消费品零售总额86亿元,完成年度计划90亿元的95.6%,增长4.1%。") == [
        ("社会消费品零售总额", 86, "亿元", Measure.LEVEL, Status.ACTUAL),
        ("社会消费品零售总额", 90, "亿元", Measure.LEVEL, Status.TARGET),
        ("社会消费品零售总额年度计划完成率", 95.6, "%", Measure.LEVEL, Status.ACTUAL),
        ("社会消费品零售总额", 4.1, "%", Measure.GROWTH, Status.ACTUAL),
    ]


def test_a_completion_of_the_goal_named_in_the_same_clause_keeps_its_holder() -> None:
    assert rows("规上服务业营业收入完成全年目标的102%。") == [
        ("规上服务业营业收入全年目标完成率", 102, "%", Measure.LEVEL, Status.ACTUAL),
    ]


def test_a_task_given_by_a_higher_level_is_the_target_of_what_was_stated() -> None:
    assert rows("城镇新增就业2.3万人,超额完成省下达的2万人年度任务。") == [
        ("城镇新增就业", 2.3, "万人", Measure.CHANGE, Status.ACTUAL),
        ("城镇新增就业", 2, "万人", Measure.CHANGE, Status.TARGET),
    ]
