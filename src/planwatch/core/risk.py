"""Risk tiers of in-year monitoring: 可完成 / 需加力 / 难以完成, and the bar a year must clear."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.evaluation import tolerance_for
from planwatch.core.indicators import Direction, Indicator
from planwatch.core.targets import Target, TargetForm


class Tier(StrEnum):
    ON_TRACK = "on_track"
    PUSH = "push"
    AT_RISK = "at_risk"
    NOT_ASSESSED = "not_assessed"

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        return _LABELS_EN[self]

    @property
    def order(self) -> int:
        """Sort key: 难以完成 first, then 需加力, 可完成, 无法预估."""
        return list(_LABELS_ZH).index(self)


_LABELS_ZH = {
    Tier.AT_RISK: "难以完成",
    Tier.PUSH: "需加力",
    Tier.ON_TRACK: "可完成",
    Tier.NOT_ASSESSED: "无法预估",
}
_LABELS_EN = {
    Tier.AT_RISK: "unlikely to be met",
    Tier.PUSH: "needs more effort",
    Tier.ON_TRACK: "on track",
    Tier.NOT_ASSESSED: "not assessed",
}


@dataclass(frozen=True)
class Bar:
    """What the year's value must reach: at least ``value`` (higher) or at most it (lower).

    ``goal`` is the target's own number (what the pace is computed towards);
    ``value`` is the bar after the tolerance a ``point`` target allows.
    """

    value: float
    goal: float
    higher: bool

    def clears(self, x: float) -> bool:
        return x >= self.value if self.higher else x <= self.value

    def words(self) -> str:
        return f"{'≥' if self.higher else '≤'} {self.value:g}"


def bar_for(indicator: Indicator, target: Target | None, reference: float | None) -> Bar | None:
    """The bar of a target, or ``None`` when there is none to clear.

    ``reference`` is the nowcast of the indicator an ``in_step_with`` target
    follows. Qualitative targets and assigned ones without a value have no bar.
    """
    if target is None or target.form is TargetForm.QUALITATIVE:
        return None
    higher = indicator.direction is Direction.HIGHER
    if target.form is TargetForm.POSITIVE:
        return Bar(0.0, 0.0, True)
    if target.form is TargetForm.IN_STEP_WITH:
        if reference is None:
            return None
        tol = tolerance_for(indicator, target)
        return Bar(reference - tol, reference, True)
    if target.value is None:
        return None
    if target.form in (TargetForm.POINT, TargetForm.APPROX):
        tol = tolerance_for(indicator, target)
        return Bar(target.value - tol if higher else target.value + tol, target.value, higher)
    if target.form is TargetForm.RANGE and not higher and target.upper is not None:
        return Bar(target.upper, target.upper, False)
    if target.form is TargetForm.AT_MOST:
        return Bar(target.value, target.value, False)
    return Bar(target.value, target.value, higher)


def tier_for(bar: Bar, low: float, high: float) -> tuple[Tier, str]:
    """The tier of an interval against a bar, and the rule in words.

    可完成 when the whole interval clears the bar, 难以完成 when none of it
    does, 需加力 when the bar falls inside it.
    """
    worst, best = (low, high) if bar.higher else (high, low)
    interval = f"[{low:.2f}, {high:.2f}]"
    if bar.clears(worst):
        return Tier.ON_TRACK, f"interval {interval} clears {bar.words()}: 可完成"
    if not bar.clears(best):
        return Tier.AT_RISK, f"interval {interval} misses {bar.words()}: 难以完成"
    return Tier.PUSH, f"{bar.words()} lies inside interval {interval}: 需加力"
