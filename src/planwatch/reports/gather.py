"""Gather the inputs of a report from the database (through the plan services).

The office's wording choices for a region (which figures the overview
states, 左右 after which figure) are read from ``report.toml`` in the
region's dataset directory when there is one; without it the overview
states the headline indicators without qualifiers.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from planwatch.reports.inputs import AnnualInputs, QuarterlyInputs
from planwatch.web.plan import services

DATA_ROOT = Path(__file__).resolve().parent.parent / "data"


def layout(region: str) -> dict[str, Any]:
    """The ``[annual]`` wording settings of ``region`` (empty when it has none)."""
    path = DATA_ROOT / region / "report.toml"
    if not path.is_file():
        return {}
    annual: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")).get("annual", {})
    return annual


def annual_inputs(region_code: str, year: int) -> AnnualInputs:
    """The annual report's inputs: ``year`` evaluated, and the targets of ``year + 1``.

    Raises :class:`~planwatch.core.errors.NotFound` for an unknown region or a
    year without targets.
    """
    evaluated = services.evaluate_year(region_code, year)
    region = evaluated.region
    current = services.plan_year(region, year)
    following = services.plan_year(region, year + 1)
    settings = layout(region.code)
    this_codes = {t.indicator for t in current.targets}
    next_codes = {t.indicator for t in following.targets}
    return AnnualInputs(
        region=region.name,
        year=year,
        indicators=list(current.indicators),
        evaluations=evaluated.evaluations,
        next_targets=list(following.targets),
        summary_examples=evaluated.examples,
        continues=bool(next_codes) and next_codes == this_codes,
        overview=[list(clause) for clause in settings.get("overview", ())],
        qualifiers=dict(settings.get("qualifiers", {})),
    )


def quarterly_inputs(region_code: str, year: int, quarter: int) -> QuarterlyInputs:
    """The quarterly brief's inputs: the year's targets and observations up to ``quarter``."""
    region = services.get_region(region_code)
    plan = services.plan_year(region, year)
    return QuarterlyInputs(
        region=region.name,
        year=year,
        quarter=quarter,
        indicators=list(plan.indicators),
        targets=list(plan.targets),
        observations=list(plan.observations),
    )
