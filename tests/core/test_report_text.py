"""Draft text: every figure a reference to a stored value, checked when it is read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.core.errors import InvalidValue
from planwatch.core.report_text import Figure, check_draft, render_draft, reported, written

SHOPS = Figure(110, "场", "seed:L45", "促销主题活动")
MONEY = Figure(1, "亿元", "seed:L83", "衔接资金项目完成投资")


def test_a_pattern_writes_the_qualifier_the_office_writes_inside_the_figure():
    assert written(SHOPS, "#余场") == "110余场"
    assert written(MONEY, "#亿余元") == "1亿余元"
    assert written(Figure(2.2, "万家(次)")) == "2.2万家(次)"


def test_a_reported_figure_keeps_the_departments_qualifier_and_verb():
    assert reported("港口货物吞吐量突破4100万吨", 4100, "万吨") == ("突破4100万吨", "")
    assert reported("生产性服务业增加值占三产比重达50%左右", 50, "%") == ("50%左右", "达")
    assert reported("实际使用外资3353万美元、增长65.7%", 65.7, "%") == ("65.7%", "增长")
    assert reported("促销主题活动110余场", 120, "场") == ("", "")  # a note not stating it


def test_a_pattern_that_changes_the_unit_is_refused():
    with pytest.raises(InvalidValue):
        written(MONEY, "#万元")


def test_names_with_digits_are_not_figures_but_a_typed_quantity_is():
    names = "贯通“141”基层智治体系,5G基站,816工程景区,“1+3+6+N”工作体系,2024年度"
    assert check_draft(names, set(), file="report-2024.toml", line=3) == []
    [problem] = check_draft("开展活动110余场", set(), file="report-2024.toml", line=7)
    assert (problem.file, problem.line) == ("report-2024.toml", 7)
    assert "110余场 is written into the text" in problem.reason


def test_an_unknown_reference_is_a_problem():
    [problem] = check_draft("开展活动{s0043}", {"s0044"}, file="f", line=1)
    assert "unknown reference {s0043}" in problem.reason


def test_a_draft_renders_each_reference_citing_its_source():
    pieces = list(render_draft("开展活动{a:#余场}、拉动消费", {"a": SHOPS}))
    assert "".join(p.text for p in pieces) == "开展活动110余场、拉动消费"
    assert [p.figure.source for p in pieces if p.figure] == ["seed:L45"]


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    st.sampled_from(["亿元", "万人", "%", "个", "万吨"]),
)
def test_a_rendered_figure_is_read_back_by_the_number_parser_as_stored(value, unit):
    from planwatch.core.numbers import find_quantities
    from planwatch.core.wording import number

    text = "".join(p.text for p in render_draft("完成{x}。", {"x": Figure(value, unit)}))
    [quantity] = find_quantities(text)
    assert quantity.unit == unit and number(quantity.value) == number(value)
