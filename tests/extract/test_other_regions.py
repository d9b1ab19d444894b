"""Generalisation: excerpts of real reports of other regions, with hand-checked expectations.

The fixtures (``fixtures/*.txt``) are short excerpts of published reports, each
naming its source URL in a ``#`` header line; the extractor was not tuned on
them. Every expectation below was checked by reading the sentence.
"""

from __future__ import annotations

import pytest

from planwatch.extract import extract_statements, read_report

from .conftest import FIXTURES

Row = tuple[int, float | None, str | None, str, str, str, str]

EXPECTED: dict[str, list[Row]] = {
    "hubei-gwr-2025-summary.txt": [
        (4, 6, "%", "approx", "growth", "estimate", "2024"),
        (5, 557, "亿斤", "exact", "level", "actual", "2024"),
        (6, 52, "项", "exact", "level", "actual", "2024"),
        (8, 6, "%", "approx", "growth", "target", "2025"),
        (9, 5.5, "%", "approx", "level", "target", "2025"),
        (9, 70, "万人", "at_least", "change", "target", "2025"),
        (10, 2, "%", "approx", "growth", "target", "2025"),
        (11, None, "%", "exact", "growth", "target", "2025"),
        (12, 500, "亿斤", "at_least", "level", "target", "2025"),
    ],
    "national-gwr-2025-review.txt": [
        (5, 134.9, "万亿元", "exact", "level", "actual", "2024"),
        (5, 5, "%", "exact", "growth", "actual", "2024"),
        (6, 30, "%", "approx", "level", "actual", "2024"),
    ],
    "national-gwr-2025-targets-traditional.txt": [
        (4, 5, "%", "approx", "growth", "target", "2025"),
        (4, 5.5, "%", "approx", "level", "target", "2025"),
        (4, 1200, "万人", "at_least", "change", "target", "2025"),
        (4, 2, "%", "approx", "growth", "target", "2025"),
        (4, None, "%", "exact", "growth", "target", "2025"),
        (4, 1.4, "万亿斤", "approx", "level", "target", "2025"),
        (4, -3, "%", "approx", "growth", "target", "2025"),
        (4, None, None, "exact", "level", "target", "2025"),  # 生态环境质量持续改善
    ],
    "guangdong-gwr-2025-review.txt": [
        (4, 14, "万亿元", "exact", "level", "estimate", "2024"),
        (4, 36, "年", "exact", "level", "estimate", "2024"),
        (4, 1, None, "exact", "rank", "estimate", "2024"),
        (5, 9, "万亿元", "at_least", "level", "actual", "2024"),
        (5, 9.8, "%", "exact", "growth", "actual", "2024"),
        (5, 39, "年", "exact", "level", "actual", "2024"),
        (5, 1, None, "exact", "rank", "actual", "2024"),
        (5, 38.7, "%", "exact", "level", "actual", "2024"),
        (5, 4.2, "%", "exact", "growth", "actual", "2024"),
        (5, 7.4, "万家", "approx", "level", "actual", "2024"),
        (5, 1.35, "万亿元", "exact", "level", "actual", "2024"),
        (5, 34, "年", "exact", "level", "actual", "2024"),
        (5, 1, None, "exact", "rank", "actual", "2024"),
        (5, 1, "万亿元", "at_least", "level", "actual", "2024"),
        (5, 2, "万亿元", "at_least", "level", "actual", "2024"),
        (5, 98, "万户", "exact", "change", "actual", "2024"),
        (5, 1900, "万户", "at_least", "level", "actual", "2024"),
        (5, 830, "万户", "at_least", "level", "actual", "2024"),
        (5, 1, None, "exact", "rank", "actual", "2024"),
        (5, 1, None, "exact", "rank", "actual", "2024"),
        (5, 5, "%", "exact", "level", "actual", "2024"),
        (5, 143, "万人", "at_least", "change", "actual", "2024"),
        (5, 110, "万人", "exact", "change", "target", "2024"),
    ],
    "zhaoqing-gwr-2025-targets.txt": [
        (3, 5, "%", "approx", "growth", "target", "2025"),
        (3, 3000, "亿元", "at_least", "level", "target", "2025"),
        (4, 2917.85, "亿元", "exact", "level", "actual", "2024"),
        (4, 2.2, "%", "exact", "growth", "actual", "2024"),
        (5, 5, "%", "approx", "growth", "target", "2025"),
        (5, 6, "%", "approx", "growth", "target", "2025"),
        (5, 3, "%", "approx", "growth", "target", "2025"),
        (5, 3, "%", "approx", "growth", "target", "2025"),
        (5, 5, "%", "exact", "growth", "target", "2025"),
        (5, 10, "%", "exact", "growth", "target", "2025"),
        (5, 0, "%", "exact", "growth", "target", "2025"),  # 收入总量与上年持平
        (5, 2, "%", "approx", "growth", "target", "2025"),
        (5, 3.5, "万人", "at_least", "change", "target", "2025"),
        (5, None, "%", "exact", "growth", "target", "2025"),
    ],
    "licheng-district-gwr-2025-targets.txt": [
        (4, 5.6, "%", "at_least", "growth", "target", "2025"),
        (4, 0, "%", "at_least", "growth", "target", "2025"),
        (4, 0, "%", "at_least", "growth", "target", "2025"),
        (4, 7.5, "%", "at_least", "growth", "target", "2025"),
        (4, 3.5, "%", "at_least", "growth", "target", "2025"),
        (4, 5, "%", "exact", "growth", "target", "2025"),
        (4, 1.6, "亿美元", "exact", "level", "target", "2025"),
        (4, 5.5, "%", "at_least", "growth", "target", "2025"),
        (4, 6, "%", "at_least", "growth", "target", "2025"),
    ],
}

SUBJECTS: dict[str, list[str]] = {
    "national-gwr-2025-targets-traditional.txt": [
        "国内生产总值",
        "城镇调查失业率",
        "城镇新增就业",
        "居民消费价格",
        "居民收入",
        "粮食产量",
        "单位国内生产总值能耗",
        "生态环境质量",
    ],
    "licheng-district-gwr-2025-targets.txt": [
        "地区生产总值",
        "一般公共预算收入",
        "固定资产投资",
        "规模以上工业增加值",
        "社会消费品零售总额",
        "货物进出口总额",
        "实际使用外资",
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_statements_of_another_regions_report_are_the_hand_checked_ones(name: str) -> None:
    found = extract_statements(read_report(FIXTURES / name))
    rows = [
        (s.line, s.value, s.unit, str(s.qualifier), str(s.measure), str(s.status), s.period)
        for s in found
    ]
    assert rows == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(SUBJECTS))
def test_subjects_of_another_regions_targets_are_the_indicator_names(name: str) -> None:
    found = extract_statements(read_report(FIXTURES / name))
    assert [s.subject for s in found] == SUBJECTS[name]


def test_every_fixture_names_its_source() -> None:
    for path in FIXTURES.glob("*.txt"):
        assert path.read_text(encoding="utf-8").startswith("# source: http"), path.name
