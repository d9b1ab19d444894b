"""A plan year: the indicator system, its targets and observations, evaluated together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from planwatch.core.as_of import Standing, current_value, standing
from planwatch.core.evaluation import Evaluation, Judgement, Verdict, evaluate
from planwatch.core.indicators import Indicator
from planwatch.core.observations import Observation, Period
from planwatch.core.targets import Target, TargetForm
from planwatch.core.timeprogress import time_progress


@dataclass(frozen=True)
class PlanYear:
    """Everything needed to evaluate one region's plan for one year.

    ``indicators`` are in the plan's order (the order of its indicator table);
    ``observations`` oldest first (the last of several for the same period
    and status is the current one, see :func:`planwatch.core.as_of.current_value`).
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
    """The whole-year value that stands for ``code`` in ``year`` (an actual beats an estimate)."""
    return current_value(observations, code, Period(year))


def evaluate_plan(plan: PlanYear, as_of: Period | None = None) -> list[Evaluation]:
    """Evaluate every indicator of the plan year as of ``as_of``, in the plan's order.

    ``as_of`` is a month, quarter or the year itself (``None``: the year).
    Each indicator is judged on the value standing for it then
    (:func:`planwatch.core.as_of.standing`): the whole-year value once the
    year is over, else the year-to-date value of the period it owes — a rate
    directly against the annual target, a cumulative quantity by time
    progress (序时进度) against the share of the year elapsed. An indicator
    that reported earlier in the year but not for the period it owes is
    :attr:`~planwatch.core.evaluation.Verdict.NOT_REPORTED` (未报).
    """
    until = as_of or Period(plan.year)
    targets = {t.indicator: t for t in plan.targets if t.year == plan.year}
    results = []
    for indicator in plan.indicators:
        target = targets.get(indicator.code)
        found = standing(plan.observations, indicator.code, until)
        observation, latest = found.value, None
        if (
            observation is not None
            and not observation.period.is_year
            and not indicator.kind.is_rate
        ):
            observation, latest = None, observation  # a quantity so far: judged by time progress
        reference = None
        if target is not None and target.form is TargetForm.IN_STEP_WITH and target.reference:
            reference = standing(plan.observations, target.reference, until).value
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
        if result.verdict is Verdict.NO_DATA and found.not_reported:
            result = _not_reported(result, found)
        results.append(result)
    return results


def _not_reported(result: Evaluation, found: Standing) -> Evaluation:
    last = found.last
    assert last is not None, "Standing.not_reported guarantees an earlier value"
    rule = f"not reported: 未报 {found.due} (last value {last.value:g} for {last.period})"
    return replace(result, verdict=Verdict.NOT_REPORTED, rule=rule, observation=None)
