"""Class 10: targets without a number keep their words, with no value."""

from __future__ import annotations

from .conftest import plan, review


def test_qualitative_targets_of_a_plan_are_statements_with_their_text() -> None:
    found = plan("城乡居民收入增长与经济增长同步,空气质量持续改善,完成市下达的耕地保护任务。")
    assert [(s.subject, s.value, s.text_target) for s in found] == [
        ("城乡居民收入", None, "与经济增长同步"),
        ("空气质量", None, "持续改善"),
        ("耕地保护任务", None, "完成市下达的耕地保护任务"),
    ]


def test_a_direction_in_a_review_is_description_not_a_target() -> None:
    assert review("空气质量持续改善,营商环境稳步优化。") == []
