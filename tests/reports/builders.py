"""Tiny builders of report inputs: the Fuling demo dataset read without a database,
and the seed's project and task figures typed in by hand (until the project
register and the task tree are on main)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest

from planwatch.core.dataset import Dataset, read_dataset
from planwatch.core.plan import PlanYear, evaluate_plan
from planwatch.core.sentences import CategoryTotals, ProjectArrangement
from planwatch.reports.inputs import AnnualInputs, Quoted, TaskArea, TaskItem
from planwatch.reports.layout import layout
from tests.conftest import DEMO_DATASET, SEED


@cache
def fuling() -> Dataset:
    return read_dataset(DEMO_DATASET)


def seed_line(number: int) -> str:
    """Line ``number`` (1-based) of the published report; skips the test without the seed."""
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    return SEED.read_text(encoding="utf-8").splitlines()[number - 1]


def annual_inputs_without_db(year: int = 2024, **changes: object) -> AnnualInputs:
    """The same inputs :func:`planwatch.reports.gather.annual_inputs` reads from the database."""
    d = fuling()
    plan = PlanYear(d.region.code, year, d.indicators, d.targets, d.observations)
    settings = layout(d.region.code)
    fields: dict[str, object] = {
        "region": d.region.name,
        "year": year,
        "indicators": d.indicators,
        "evaluations": evaluate_plan(plan),
        "next_targets": [t for t in d.targets if t.year == year + 1],
        "summary_examples": d.summary_examples.get(year, {}),
        "overview": settings.get("overview", ()),
        "qualifiers": settings.get("qualifiers", {}),
        "opening": settings.get("opening", {}),
    }
    fields.update(changes)
    return AnnualInputs(**fields)  # type: ignore[arg-type]


def seed_projects() -> ProjectArrangement:
    """The 2025 project arrangement as the seed states it (seed:L115), in 万元."""
    return ProjectArrangement(
        year=2025,
        count=286,
        total=Decimal(2582000),
        annual_plan=Decimal(829000),
        categories=(
            CategoryTotals("新开工", 154, Decimal(445000)),
            CategoryTotals("续建", 12, Decimal(147000)),
            CategoryTotals("完工", 120, Decimal(237000)),
        ),
        source="seed:L115",
    )


def seed_task_area() -> TaskArea:
    """The first area of the seed's 2025 key tasks, with two of its tasks."""
    return TaskArea(
        "(一)",
        "以培育发展新质生产力为牵引,加快打造特色鲜明、优势突出的现代化产业体系",
        "seed:L121",
        (
            TaskItem(
                "一是",
                "深入推进新型工业化",
                "seed:L123",
                (Quoted("力争规上工业产值突破3000亿元、增长10%以上", "seed:L123"),),
            ),
            TaskItem(
                "二是",
                "推动建筑业高质量发展",
                "seed:L125",
                (
                    Quoted("力争建筑业注册地产值增长5%以上", "seed:L125"),
                    Quoted("培育高等级资质企业2家", "seed:L125"),
                ),
            ),
        ),
    )
