"""The section tree of reports written in other layouts than the seed's."""

from __future__ import annotations

from planwatch.extract import document_tree
from planwatch.extract.sections import PartKind

PROVINCIAL = "\n".join(
    [
        "关于2024年计划执行情况与2025年计划草案的报告",
        "一、2024年国民经济和社会发展计划执行情况",
        "　　（一）经济运行总体平稳。全省地区生产总值增长５．３％。",
        "二、2025年经济社会发展主要目标",
        "三、2025年重点工作",
        "　　（一）着力扩大有效需求。一是扩大有效投资，实施重点项目１５００个。"
        "二是提振消费，社零增长５％。三是稳定外贸。",
        "　　（二）统一是前提。",
    ]
)


def test_full_width_brackets_and_indented_headings_are_areas() -> None:
    tree = document_tree(PROVINCIAL)
    assert [(p.label, p.kind, p.year) for p in tree.parts] == [
        ("一", PartKind.REVIEW, 2024),
        ("二", PartKind.PLAN, 2025),
        ("三", PartKind.PLAN, 2025),
    ]
    assert [a.title for a in tree.parts[0].areas] == ["经济运行总体平稳"]


def test_tasks_run_together_in_one_paragraph_are_items_of_its_area() -> None:
    areas = document_tree(PROVINCIAL).parts[2].areas
    assert [(i.label, i.title, i.line) for i in areas[0].items] == [
        ("一", "扩大有效投资", 6),
        ("二", "提振消费", 6),
        ("三", "稳定外贸", 6),
    ]
    assert areas[1].items == []


def test_lines_before_the_first_part_have_an_empty_path() -> None:
    tree = document_tree(PROVINCIAL)
    assert tree.paths[:3] == ["", "一", "一/(一)"]


def test_a_text_without_headings_has_no_parts() -> None:
    assert document_tree("地区生产总值增长5%。").parts == []
