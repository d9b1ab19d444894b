"""Shared paths (the seed report and its gold standard live beside the repository) and
small documents built around a few paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.extract import Statement, extract_statements

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "fuling-2024-plan-report.txt"
GOLD = SHARED / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED} (shared/ sits beside the repository)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def gold_dir() -> Path:
    if not (GOLD / "statements.jsonl").exists():
        pytest.skip(f"the gold standard is not at {GOLD} (shared/ sits beside the repository)")
    return GOLD


def review(*paragraphs: str, year: int = 2024) -> list[Statement]:
    """Statements of paragraphs placed in the review part of a plan report."""
    text = "\n".join(
        [f"一、{year}年国民经济和社会发展计划执行情况", *paragraphs, f"二、{year + 1}年主要目标"]
    )
    return extract_statements(text)


def plan(*paragraphs: str, year: int = 2025) -> list[Statement]:
    """Statements of paragraphs placed in the plan part of a plan report."""
    text = "\n".join(
        [f"一、{year - 1}年计划执行情况", f"二、{year}年主要任务和重点工作", *paragraphs]
    )
    return extract_statements(text)
