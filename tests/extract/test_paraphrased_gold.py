"""A small hand-made gold for passages paraphrased from other regions' reports.

The passages (``fixtures/paraphrased/*.txt``) are written for planwatch in the
style of a district plan-execution report, a city statistical communiqué and a
provincial government work report, with invented numbers; each ``.jsonl``
beside them lists what a careful reader extracts, in the seed gold's schema.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.extract import extract_statements, read_jsonl, read_report, score

from .conftest import FIXTURES

PASSAGES = sorted((FIXTURES / "paraphrased").glob("*.txt"))


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.stem)
def test_statements_of_a_paraphrased_passage_match_its_gold_with_f1_of_at_least_0_95(
    passage: Path,
) -> None:
    gold = read_jsonl(passage.with_suffix(".jsonl").read_text(encoding="utf-8"))
    result = score(extract_statements(read_report(passage)), gold)
    assert result.f1 >= 0.95, (result.missed, result.spurious)


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.stem)
def test_subjects_of_a_paraphrased_passage_equal_the_gold_names_90_percent(
    passage: Path,
) -> None:
    gold = read_jsonl(passage.with_suffix(".jsonl").read_text(encoding="utf-8"))
    result = score(extract_statements(read_report(passage)), gold)
    assert result.field_accuracy["subject"] >= 0.9


def test_there_are_three_paraphrased_passages_each_saying_so_in_its_header() -> None:
    assert len(PASSAGES) == 3
    for passage in PASSAGES:
        assert passage.read_text(encoding="utf-8").startswith("# paraphrased:"), passage.name
