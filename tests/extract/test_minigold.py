"""The mini-gold of other regions and years: a tuning part and a held-back part.

The held-back part was annotated before the extractor was run on it and no
rule was written against its errors, so its scores say how the extractor reads
reports it has not seen. Its floors guard against regressions only; see
``fixtures/minigold/README.md``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planwatch.extract import Statement, extract_statements, read_jsonl, read_report, score
from planwatch.extract.score import Score

from .conftest import FIXTURES

MINIGOLD = FIXTURES / "minigold"


def pooled(part: str) -> Score:
    """One score over every passage of ``part`` (line numbers kept apart per passage)."""
    predicted: list[Statement] = []
    gold: list[Statement] = []
    for offset, passage in enumerate(sorted((MINIGOLD / part).glob("*.txt"))):
        shift = 1000 * offset
        annotated = read_jsonl(passage.with_suffix(".jsonl").read_text(encoding="utf-8"))
        gold += [replace(g, line=g.line + shift) for g in annotated]
        found = extract_statements(read_report(passage))
        predicted += [replace(p, line=p.line + shift) for p in found]
    return score(predicted, gold)


@pytest.mark.parametrize(
    ("part", "statements", "f1", "full_f1", "subject"),
    [("tuning", 73, 1.0, 1.0, 1.0), ("heldback", 82, 0.955, 0.777, 0.72)],
)
def test_the_minigold_parts_score_at_least_their_measured_floors(
    part: str, statements: int, f1: float, full_f1: float, subject: float
) -> None:
    result = pooled(part)
    assert result.gold == statements
    assert result.f1 >= f1 - 1e-3, (result.missed, result.spurious)
    assert result.full_f1 >= full_f1 - 1e-3
    assert result.field_accuracy["subject"] >= subject - 1e-3


@pytest.mark.parametrize("passage", sorted(MINIGOLD.glob("*/*.txt")), ids=lambda p: p.stem)
def test_every_passage_names_its_source_and_every_quote_is_in_its_line(passage: Path) -> None:
    text = passage.read_text(encoding="utf-8")
    assert text.startswith("# source: http")
    lines = text.split("\n")
    for statement in read_jsonl(passage.with_suffix(".jsonl").read_text(encoding="utf-8")):
        assert statement.quote in lines[statement.line - 1]
