"""Units a plan writes its indicators in.

A dataset naming a unit outside this list is rejected: a typo in a unit
(万元 for 亿元) would otherwise silently change every figure by 10,000.
"""

from __future__ import annotations

KNOWN_UNITS = frozenset(
    {
        "%", "个百分点", "‰",
        "元", "万元", "亿元", "万美元", "亿美元",
        "人", "万人", "人次", "万人次", "户", "万户",
        "吨", "万吨", "亿立方米", "千瓦", "万千瓦", "万千瓦时", "吨标准煤",
        "亩", "万亩", "公顷", "平方米", "万平方米", "平方公里", "公里",
        "天", "件", "个", "家", "项", "座", "套", "所", "头", "万头", "羽", "万羽",
        "微克/立方米", "类",
    }
)  # fmt: skip


def is_known_unit(unit: str) -> bool:
    return unit in KNOWN_UNITS
