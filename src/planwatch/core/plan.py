"""A plan year: the indicator system, its targets and observations, evaluated together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from planwatch.core.evaluation import Evaluation, Judgement, evaluate
from planwatch.core.indicators import Indicator
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.targets import Target, TargetForm
from planwatch.core.timeprogress import time_progress


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


def latest_cumulative(
    observations: Iterable[Observation], code: str, as_of: Period
) -> Observation | None:
    """The latest year-to-date value of ``code`` within ``as_of``'s year, up to its end."""
    candidates = [
        o
        for o in observations
        if o.indicator == code
        and o.cumulative
        and o.period.year == as_of.year
        and not o.period.is_year
        and o.period.elapsed_share <= as_of.elapsed_share
    ]
    return max(candidates, key=lambda o: o.period.elapsed_share, default=None)


def evaluate_plan(plan: PlanYear, as_of: Period | None = None) -> list[Evaluation]:
    """Evaluate every indicator of the plan year, in the plan's order.

    With ``as_of`` (a month or quarter of the year), an indicator without its
    year's value is judged on its latest year-to-date value: a rate directly
    against the annual target, a cumulative quantity by time progress (序时进度)
    against the share of the year elapsed.
    """
    targets = {t.indicator: t for t in plan.targets if t.year == plan.year}
    results = []
    for indicator in plan.indicators:
        target = targets.get(indicator.code)
        observation = annual_observation(plan.observations, indicator.code, plan.year)
        latest = None
        if observation is None and as_of is not None:
            latest = latest_cumulative(plan.observations, indicator.code, as_of)
            if latest is not None and indicator.kind.is_rate:
                observation, latest = latest, None
        reference = None
        if target is not None and target.form is TargetForm.IN_STEP_WITH and target.reference:
            reference = annual_observation(plan.observations, target.reference, plan.year)
            if reference is None and as_of is not None:
                reference = latest_cumulative(plan.observations, target.reference, as_of)
        result = evaluate(
            indicator,
            target,
            observation,
            reference=reference,
            judgement=plan.judgements.get(indicator.code),
            year_closed=plan.year_closed,
        )
        if latest is not None and target is not None and target.value and target.value > 0:
            progress = time_progress(latest.value, target.value, latest.period.elapsed_share)
            result = replace(result, observation=latest, progress=progress)
        results.append(result)
    return results
