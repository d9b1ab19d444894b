"""Paths to the shared real data every part of the suite tests against."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "fuling-2024-plan-report.txt"
GOLD = SHARED / "gold"
DEMO_DATASET = REPO / "src" / "planwatch" / "data" / "fuling"


@pytest.fixture
def seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    return SEED.read_text(encoding="utf-8").split("\n")


@pytest.fixture(autouse=True)
def fresh_judgements(settings) -> None:
    """Each test judges its own data: the database is rolled back between tests, the
    process's kept judgements (:mod:`planwatch.web.projects.judged`) must be too; pages
    render whole, so a test may read what a page read from its context (the kept rendered
    parts, :mod:`planwatch.web.fragments`, are tested on their own)."""
    from planwatch.web.projects import judged

    judged.forget()
    settings.FRAGMENT_SECONDS = 0
