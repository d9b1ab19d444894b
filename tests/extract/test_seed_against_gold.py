"""The Fuling seed report, extracted and scored against the hand-made gold standard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.extract import document_tree, extract_statements, read_jsonl, score
from planwatch.extract.score import Score
from planwatch.extract.sentences import report_lines


@pytest.fixture
def seed_score(seed_text: str, gold_dir: Path) -> Score:
    gold = read_jsonl((gold_dir / "statements.jsonl").read_text(encoding="utf-8"))
    return score(extract_statements(seed_text), gold)


def test_statements_of_the_seed_match_the_gold_with_f1_of_at_least_0_98(seed_score: Score) -> None:
    assert seed_score.f1 >= 0.98, (seed_score.missed, seed_score.spurious)


@pytest.mark.parametrize("field", ["qualifier", "status", "period", "measure", "cumulative"])
def test_flags_of_matched_statements_agree_with_the_gold_98_percent(
    seed_score: Score, field: str
) -> None:
    assert seed_score.field_accuracy[field] >= 0.98


def test_subjects_of_matched_statements_overlap_the_gold_names_97_percent(
    seed_score: Score,
) -> None:
    """Floor on gold revision 2, where the extractor reads 0.9756."""
    assert seed_score.field_accuracy["subject_overlap"] >= 0.975


def test_subjects_of_matched_statements_equal_the_gold_names_90_percent(
    seed_score: Score,
) -> None:
    """Floor on gold revision 2 (one naming convention), where the extractor reads 0.9079."""
    assert seed_score.field_accuracy["subject"] >= 0.907


def test_full_statements_of_the_seed_match_the_gold_with_f1_of_at_least_0_97(
    seed_score: Score,
) -> None:
    """Number, subject (leniently) and every flag right; the extractor reads 0.9716."""
    assert seed_score.full_f1 >= 0.97


@pytest.mark.xfail(
    strict=True,
    reason="gold revision 2: the extractor reads 0.908 exact; most of the rest needs "
    "context from other sentences (公共数据平台 …编目应用, 防返贫 监测对象), goal 0.95",
)
def test_subjects_of_matched_statements_equal_the_gold_names_95_percent(
    seed_score: Score,
) -> None:
    assert seed_score.field_accuracy["subject"] >= 0.95


def test_every_quote_is_an_exact_substring_of_its_line(seed_text: str) -> None:
    lines = report_lines(seed_text)
    for statement in extract_statements(seed_text):
        assert statement.quote in lines[statement.line - 1]


def test_the_review_has_7_areas_and_23_items_as_in_the_gold(seed_text: str, gold_dir: Path) -> None:
    gold = json.loads((gold_dir / "review-2024.json").read_text(encoding="utf-8"))
    review = document_tree(seed_text).parts[0]
    found = [
        {
            "area": a.label,
            "title": a.title,
            "line": a.line,
            "items": [{"number": int(i.label), "title": i.title, "line": i.line} for i in a.items],
        }
        for a in review.areas
    ]
    assert (len(found), sum(len(a["items"]) for a in found)) == (7, 23)
    assert found == gold


def test_the_tasks_have_8_areas_and_31_tasks_as_in_the_gold(seed_text: str, gold_dir: Path) -> None:
    gold = json.loads((gold_dir / "tasks.json").read_text(encoding="utf-8"))
    tasks = document_tree(seed_text).parts[2]
    found = [
        {
            "area": a.label,
            "title": a.title,
            "line": a.line,
            "tasks": [
                {"ordinal": t.label + "是", "title": t.title, "line": t.line} for t in a.items
            ],
        }
        for a in tasks.areas
    ]
    assert (len(found), sum(len(a["tasks"]) for a in found)) == (8, 31)
    assert [{k: v for k, v in a.items() if k != "note"} for a in gold] == found


def test_the_area_whose_heading_is_missing_is_recovered_with_a_note(seed_text: str) -> None:
    recovered = document_tree(seed_text).parts[2].areas[2]
    assert (recovered.label, recovered.title, recovered.line) == ("(三)", None, None)
    assert recovered.note is not None and "141" in recovered.note
