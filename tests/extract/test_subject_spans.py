"""Class 11: subject spans — verbs out, whole names kept, brackets as written."""

from __future__ import annotations

from .conftest import review


def names(*paragraphs: str) -> list[str]:
    return [s.subject for s in review(*paragraphs)]


def test_verbs_of_obtaining_are_no_part_of_a_name() -> None:
    assert names("取得发明专利授权350件,获得省级科技奖励12项。") == ["发明专利授权", "省级科技奖励"]


def test_an_industry_named_as_a_list_is_one_name() -> None:
    assert names("交通运输、仓储和邮政业增加值增长4%。") == ["交通运输、仓储和邮政业增加值"]


def test_an_intervening_rank_does_not_become_the_subject_of_what_follows() -> None:
    assert names("经济总量居全国第三,稳居中部前五。") == ["经济总量全国排名", "经济总量中部排名"]


def test_full_width_brackets_are_kept_as_the_text_writes_them() -> None:
    assert names("研究与试验发展（R&D）经费投入强度达到2.5%。") == [
        "研究与试验发展（R&D）经费投入强度"
    ]
