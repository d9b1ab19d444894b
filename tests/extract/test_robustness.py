"""Whatever the text, extraction returns statements whose quotes sit in their lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.extract import document_tree, extract_statements
from planwatch.extract.sentences import report_lines

FRAGMENTS = [
    "一、2024年计划执行情况", "二、2025年主要目标", "(一)", "（二）", "1.", "一是", "二是",
    "地区生产总值", "增长", "下降", "分别", "均", "、", ",", "，", "。", "；", "\n", "预计", "力争",
    "累计", "总量达", "新增", "居全市第", "6.5", "５", "%", "％", "万", "亿元", "个", "以上",
    "左右", "控制在", "以内", "突破", "百亿", "连续五年", "正增长", "与经济增长同步", "—", "-",
    "“", "”", "第", "首位", "其中", "翻番", "清零", "Ⅱ类", "等", "占", "比重", "率",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_report_like_text_never_breaks_the_extractor(text: str) -> None:
    lines = report_lines(text)
    for statement in extract_statements(text):
        assert statement.quote in lines[statement.line - 1]
        assert statement.quote
    document_tree(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks_the_extractor(text: str) -> None:
    lines = report_lines(text)
    for statement in extract_statements(text):
        assert statement.quote in lines[statement.line - 1]
