"""Class 6: lists sharing a head give each member the whole head (invented sentences)."""

from __future__ import annotations

from planwatch.extract.members import split_list

from .conftest import review


def names(*paragraphs: str) -> list[str]:
    return [s.subject for s in review(*paragraphs)]


def test_a_run_of_numerals_names_one_industry_each() -> None:
    assert names("一二三产业增加值分别增长4.5%、7%、6%。") == [
        "第一产业增加值",
        "第二产业增加值",
        "第三产业增加值",
    ]
    assert split_list("一二三产增加值", 3) == ["一产增加值", "二产增加值", "三产增加值"]


def test_members_before_deng_take_the_kind_and_the_head_after_it() -> None:
    assert names("食品、医药等产业产值分别增长8%、11%。") == ["食品产业产值", "医药产业产值"]


def test_a_first_member_naming_only_a_level_takes_the_things_of_the_last() -> None:
    assert names("国家级、省级专精特新企业分别达到3家、25家。") == [
        "国家级专精特新企业",
        "省级专精特新企业",
    ]
