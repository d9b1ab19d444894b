"""Shared paths: the seed report and its gold standard live beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

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
