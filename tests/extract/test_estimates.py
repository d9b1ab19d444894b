"""Classes 2 and 3: how far 预计 reaches (invented sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planwatch.extract import Status
from planwatch.extract.estimates import estimated_parts, in_parts, paragraph_estimated

from .conftest import review


def statuses(*paragraphs: str) -> list[tuple[str, Status]]:
    return [(s.subject, s.status) for s in review(*paragraphs)]


def test_a_paragraph_opening_with_yuji_makes_every_figure_of_it_an_estimate() -> None:
    found = statuses(
        "初步预计,全县生产总值完成280亿元,增长5.8%。工业投资增长9%。其中,技改投资增长12%。"
    )
    assert {status for _, status in found} == {Status.ESTIMATE}
    assert len(found) == 4


def test_an_item_number_before_yuji_still_opens_the_paragraph() -> None:
    found = statuses("3.预计农业总产值增长4%。畜牧业产值增长2%。")
    assert [status for _, status in found] == [Status.ESTIMATE, Status.ESTIMATE]


def test_a_yuji_inside_a_sentence_reaches_its_semicolon_part_only() -> None:
    found = statuses("粮食产量15万吨;预计蔬菜产值20亿元,增长4%;水产品产量3万吨。")
    assert found == [
        ("粮食产量", Status.ACTUAL),
        ("蔬菜产值", Status.ESTIMATE),
        ("蔬菜产值", Status.ESTIMATE),
        ("水产品产量", Status.ACTUAL),
    ]


def test_a_yuji_reaches_back_over_commas_within_its_part() -> None:
    found = statuses("出口额下降3%,预计全年外贸总额达到80亿元。工业用电量增长6%。")
    assert found == [
        ("出口额", Status.ESTIMATE),
        ("外贸总额", Status.ESTIMATE),
        ("工业用电量", Status.ACTUAL),
    ]


def test_a_paragraph_without_yuji_at_its_opening_is_not_estimated_whole() -> None:
    assert not paragraph_estimated("全年经济稳中有进,预计增长6%。")
    assert paragraph_estimated("（二）初步预计,全年增长6%。")


@given(
    st.lists(
        st.sampled_from(["增长6%", "预计增长5%", "达到3亿元", "预计达到2万人"]),
        min_size=1,
        max_size=6,
    )
)
def test_a_part_is_estimated_exactly_when_it_holds_yuji(parts: list[str]) -> None:
    sentence = ";".join(parts)
    spans = estimated_parts(sentence)
    offset = 0
    for part in parts:
        assert in_parts(offset, spans) == ("预计" in part)
        offset += len(part) + 1
