"""The evaluation engine: one place that judges an observation against a target.

Rules and defaults follow DESIGN.md ("Target forms and evaluation rules").
Every verdict records the rule that produced it, in words a plan officer can
check by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.indicators import Direction, Indicator
from planwatch.core.observations import Observation, Status
from planwatch.core.targets import Target, TargetForm
from planwatch.core.timeprogress import TimeProgress

RATE_TOLERANCE = 0.5  # percentage points, for growth rates and shares
LEVEL_TOLERANCE_SHARE = 0.02  # of the target value, for levels and counts
FLAG_BELOW = 80.0  # attainment (%) under which an indicator is flagged


class Verdict(StrEnum):
    ABOVE = "above"
    MET = "met"
    BELOW = "below"
    NO_DATA = "no_data"
    NOT_REPORTED = "not_reported"  # reported earlier in the year, not for the period owed
    NO_TARGET = "no_target"
    AWAITING = "awaiting"  # an assigned target the higher level has not yet set
    NEEDS_JUDGEMENT = "needs_judgement"  # a qualitative target nobody has judged

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        return _LABELS_EN[self]

    @property
    def is_judged(self) -> bool:
        return self in (Verdict.ABOVE, Verdict.MET, Verdict.BELOW)


_LABELS_ZH = {
    Verdict.ABOVE: "高于预期",
    Verdict.MET: "达到预期",
    Verdict.BELOW: "低于预期",
    Verdict.NO_DATA: "暂无数据",
    Verdict.NOT_REPORTED: "未报",
    Verdict.NO_TARGET: "未下达控制指标",
    Verdict.AWAITING: "待上级下达",
    Verdict.NEEDS_JUDGEMENT: "待评价",
}
_LABELS_EN = {
    Verdict.ABOVE: "above expectation",
    Verdict.MET: "met expectation",
    Verdict.BELOW: "below expectation",
    Verdict.NO_DATA: "no data",
    Verdict.NOT_REPORTED: "not reported",
    Verdict.NO_TARGET: "no target assigned",
    Verdict.AWAITING: "awaiting assignment",
    Verdict.NEEDS_JUDGEMENT: "needs judgement",
}


@dataclass(frozen=True)
class Judgement:
    """A person's verdict on a qualitative target, with the reason."""

    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Evaluation:
    """The outcome of judging one indicator for one year.

    ``attainment`` is in percent and ``None`` where it is undefined (target 0
    or without a number); ``gap`` is actual minus target in the indicator's
    unit (percentage points for rates) and stands in for it there.
    ``progress`` is the time progress (序时进度) of a cumulative quantity
    judged before the year's value is known.
    """

    indicator: Indicator
    target: Target | None
    observation: Observation | None
    verdict: Verdict
    rule: str
    attainment: float | None = None
    gap: float | None = None
    flagged: bool = False
    progress: TimeProgress | None = None

    @property
    def is_estimate(self) -> bool:
        return self.observation is not None and self.observation.status is Status.ESTIMATE

    @property
    def actual(self) -> float | None:
        return None if self.observation is None else self.observation.value

    def as_record(self) -> dict[str, object]:
        """A flat, JSON-ready view of the evaluation (for tables, CSV, JSON and the API)."""
        ind, obs, target = self.indicator, self.observation, self.target
        return {
            "indicator": ind.code,
            "name": ind.name,
            "binding": ind.binding.value,
            "unit": ind.unit,
            "target": target.text if target else None,
            "target_form": target.form.value if target else None,
            "target_source": target.source if target else None,
            "actual": obs.value if obs else None,
            "status": obs.status.value if obs else None,
            "source": obs.source if obs else None,
            "attainment": None if self.attainment is None else round(self.attainment, 1),
            "gap": None if self.gap is None else round(self.gap, 4),
            "verdict": self.verdict.value,
            "verdict_zh": self.verdict.label_zh,
            "flagged": self.flagged,
            "rule": self.rule,
            "period": str(obs.period) if obs else None,
            "progress": None if self.progress is None else round(self.progress.progress, 1),
            "expected_progress": None
            if self.progress is None
            else round(self.progress.expected, 1),
            "progress_light": None if self.progress is None else self.progress.light.value,
        }


def tolerance_for(indicator: Indicator, target: Target) -> float:
    """The tolerance of a target: its own, else the indicator's, else the default."""
    if target.tolerance is not None:
        return target.tolerance
    if indicator.tolerance is not None:
        return indicator.tolerance
    if indicator.kind.is_rate:
        return RATE_TOLERANCE
    return abs(target.value or 0.0) * LEVEL_TOLERANCE_SHARE


def attainment(indicator: Indicator, actual: float, target_value: float | None) -> float | None:
    """实现程度 in percent: actual ÷ target, or target ÷ actual when lower is better.

    Undefined (``None``) when the target is 0 or absent, or when a
    lower-is-better actual is 0 (nothing to divide by: the best outcome).
    """
    if target_value is None or target_value == 0:
        return None
    if indicator.direction is Direction.LOWER:
        return None if actual == 0 else target_value / actual * 100
    return actual / target_value * 100


def evaluate(
    indicator: Indicator,
    target: Target | None,
    observation: Observation | None,
    *,
    reference: Observation | None = None,
    judgement: Judgement | None = None,
    year_closed: bool = True,
) -> Evaluation:
    """Judge ``observation`` against ``target``.

    ``reference`` is the observation an ``in_step_with`` target follows (GDP
    growth for income); ``judgement`` is a person's verdict on a qualitative
    target; ``year_closed`` tells an ``assigned`` target without a value
    whether it may still arrive (awaiting) or never did (no target).
    """
    if target is None or (target.form is TargetForm.ASSIGNED and target.value is None):
        if target is not None and not year_closed:
            return _result(indicator, target, observation, Verdict.AWAITING, "assigned: 待上级下达")
        return _result(
            indicator, target, observation, Verdict.NO_TARGET, "no target: 未下达控制指标"
        )
    if target.form is TargetForm.QUALITATIVE:
        if judgement is None:
            return _result(
                indicator, target, observation, Verdict.NEEDS_JUDGEMENT, "qualitative: 待评价"
            )
        return _result(
            indicator,
            target,
            observation,
            judgement.verdict,
            f"qualitative: judged {judgement.verdict} ({judgement.reason})",
        )
    if observation is None:
        return _result(indicator, target, None, Verdict.NO_DATA, "no data: 暂无数据")
    if target.form is TargetForm.IN_STEP_WITH:
        if reference is None:
            return _result(
                indicator,
                target,
                observation,
                Verdict.NO_DATA,
                f"in_step_with: no value of {target.reference} to compare with",
            )
        return _compare_point(
            indicator,
            target,
            observation,
            reference.value,
            f"in_step_with {target.reference} ({_fmt(reference.value)})",
        )
    return _RULES[target.form](indicator, target, observation)


def _at_least(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    value, tol, actual = _num(target.value), tolerance_for(indicator, target), obs.value
    if actual > value + tol:
        verdict, why = Verdict.ABOVE, f"{_fmt(actual)} > {_fmt(value)} + {_fmt(tol)}"
    elif actual >= value:
        verdict, why = Verdict.MET, f"{_fmt(value)} ≤ {_fmt(actual)} ≤ {_fmt(value)} + {_fmt(tol)}"
    else:
        verdict, why = Verdict.BELOW, f"{_fmt(actual)} < {_fmt(value)}"
    return _judged(indicator, target, obs, verdict, f"at_least: {why}", value)


def _point(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    return _compare_point(indicator, target, obs, _num(target.value), str(target.form))


def _compare_point(
    indicator: Indicator, target: Target, obs: Observation, value: float, name: str
) -> Evaluation:
    tol, actual = tolerance_for(indicator, target), obs.value
    better, worse = (actual > value + tol), (actual < value - tol)
    if indicator.direction is Direction.LOWER:
        better, worse = worse, better
    if better:
        verdict = Verdict.ABOVE
    elif worse:
        verdict = Verdict.BELOW
    else:
        verdict = Verdict.MET
    why = f"{_fmt(actual)} vs {_fmt(value)} ± {_fmt(tol)}"
    return _judged(indicator, target, obs, verdict, f"{name}: {why}", value)


def _at_most(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    value, actual = _num(target.value), obs.value
    if actual <= value:
        verdict, why = Verdict.MET, f"{_fmt(actual)} ≤ {_fmt(value)}"
    else:
        verdict, why = Verdict.BELOW, f"{_fmt(actual)} > {_fmt(value)}"
    return _judged(indicator, target, obs, verdict, f"at_most: {why}", value)


def _positive(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    tol, actual = tolerance_for(indicator, target), obs.value
    if actual > tol:
        verdict, why = Verdict.ABOVE, f"{_fmt(actual)} > {_fmt(tol)}"
    elif actual > 0:
        verdict, why = Verdict.MET, f"0 < {_fmt(actual)} ≤ {_fmt(tol)}"
    else:
        verdict, why = Verdict.BELOW, f"{_fmt(actual)} ≤ 0"
    return _judged(indicator, target, obs, verdict, f"positive: {why}", 0.0)


def _range(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    low, high, actual = _num(target.value), _num(target.upper), obs.value
    if low <= actual <= high:
        verdict, why = Verdict.MET, f"{_fmt(low)} ≤ {_fmt(actual)} ≤ {_fmt(high)}"
    else:
        over = actual > high
        higher_is_better = indicator.direction is Direction.HIGHER
        verdict = Verdict.ABOVE if over == higher_is_better else Verdict.BELOW
        why = f"{_fmt(actual)} {'>' if over else '<'} {_fmt(high if over else low)}"
    bound = low if actual < low else high if actual > high else actual
    return _judged(indicator, target, obs, verdict, f"range: {why}", bound)


def _assigned(indicator: Indicator, target: Target, obs: Observation) -> Evaluation:
    """An assigned target with its value set: a bound in the indicator's direction."""
    if indicator.direction is Direction.LOWER:
        return _at_most(indicator, target, obs)
    return _at_least(indicator, target, obs)


_RULES = {
    TargetForm.AT_LEAST: _at_least,
    TargetForm.POINT: _point,
    TargetForm.APPROX: _point,
    TargetForm.AT_MOST: _at_most,
    TargetForm.POSITIVE: _positive,
    TargetForm.RANGE: _range,
    TargetForm.ASSIGNED: _assigned,
}


def _judged(
    indicator: Indicator,
    target: Target,
    obs: Observation,
    verdict: Verdict,
    rule: str,
    target_value: float,
) -> Evaluation:
    share = attainment(indicator, obs.value, target_value)
    threshold = indicator.flag_below if indicator.flag_below is not None else FLAG_BELOW
    return Evaluation(
        indicator=indicator,
        target=target,
        observation=obs,
        verdict=verdict,
        rule=rule,
        attainment=share,
        gap=obs.value - target_value,
        flagged=share is not None and share < threshold,
    )


def _result(
    indicator: Indicator,
    target: Target | None,
    obs: Observation | None,
    verdict: Verdict,
    rule: str,
) -> Evaluation:
    return Evaluation(
        indicator=indicator, target=target, observation=obs, verdict=verdict, rule=rule
    )


def _num(value: float | None) -> float:
    assert value is not None, "Target.__post_init__ guarantees a value for this form"
    return value


def _fmt(value: float) -> str:
    return f"{value:g}"
