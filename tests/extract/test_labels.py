"""Class 9: numbers that are part of a name, a grade or a span state nothing."""

from __future__ import annotations

from .conftest import review


def values(*paragraphs: str) -> list[tuple[str, float | None]]:
    return [(s.subject, s.value) for s in review(*paragraphs)]


def test_a_threshold_grading_things_is_part_of_their_name() -> None:
    assert values("单笔50万元以下贷款增长20%,年营业收入超10亿元的企业达到12家。") == [
        ("单笔50万元以下贷款", 20),
        ("年营业收入超10亿元的企业", 12),
    ]


def test_classes_anniversaries_and_spans_looked_back_over_are_no_statements() -> None:
    assert values("获批Ⅱ类医疗器械注册证5个,纪念建县80周年,粮食单产创近10年新高。") == [
        ("获批Ⅱ类医疗器械注册证", 5),
    ]


def test_a_span_before_a_sum_leaves_the_sum_and_its_name() -> None:
    assert values("近5年累计投入乡村振兴资金30亿元。") == [("累计投入乡村振兴资金", 30)]


def test_a_campaign_named_after_its_goal_states_no_value() -> None:
    assert values("开展欠薪清零攻坚行动。") == []
