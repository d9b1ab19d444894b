"""A plan year: the indicator system, its targets and observations, evaluated together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planwatch.core.evaluation import Evaluation, Judgement, evaluate
from planwatch.core.indicators import Indicator
from planwatch.core.observations import Observation, Status
from planwatch.core.targets import Target, TargetForm


@dataclass(frozen=True)
class PlanYear:
    """Everything needed to evaluate one region's plan for one year.

    ``indicators`` are in the plan's order (the order of its indicator table).
    """

    region: str
    year: int
    indicators: Sequence[Indicator]
    targets: Sequence[Target]
    observations: Sequence[Observation]
    judgements: dict[str, Judgement] = field(default_factory=dict)
    year_closed: bool = True


def annual_observation(
    observations: Iterable[Observation], code: str, year: int
) -> Observation | None:
    """The value that stands for ``code`` in ``year``: an actual beats an estimate.

    Only whole-year observations count; among several of the same status the
    last one given wins (a later document supersedes an earlier one).
    """
    best: Observation | None = None
    for obs in observations:
        if obs.indicator != code or obs.period.year != year or not obs.period.is_year:
            continue
        if best is None or not (best.status is Status.ACTUAL and obs.status is Status.ESTIMATE):
            best = obs
    return best


def evaluate_plan(plan: PlanYear) -> list[Evaluation]:
    """Evaluate every indicator of the plan year, in the plan's order."""
    targets = {t.indicator: t for t in plan.targets if t.year == plan.year}
    results = []
    for indicator in plan.indicators:
        target = targets.get(indicator.code)
        reference = None
        if target is not None and target.form is TargetForm.IN_STEP_WITH and target.reference:
            reference = annual_observation(plan.observations, target.reference, plan.year)
        results.append(
            evaluate(
                indicator,
                target,
                annual_observation(plan.observations, indicator.code, plan.year),
                reference=reference,
                judgement=plan.judgements.get(indicator.code),
                year_closed=plan.year_closed,
            )
        )
    return results
