"""In-year monitoring of one indicator: year-to-date value, pace needed, nowcast, risk tier.

Which rule applies depends on the data, and every result says which:

- ``annual``: the year's own value is in; the interval is that value.
- ``cumulative_growth``: a year-to-date growth rate (January–N, or a
  quarter's 1—Q); the year is nowcast by :func:`planwatch.core.pace.nowcast_growth`
  with the share of the year elapsed as the weight of the months counted;
  the remaining months grow as the whole of last year did when last year's
  growth is known (else as January–N did).
- ``cumulative_level``: a year-to-date amount (jobs, investment). With last
  year's monthly path and annual value the amount becomes a growth on last
  year and is nowcast as one; without it, the amount is scaled by time
  progress with a ± (1 − elapsed) × 20 % interval. A lower-is-better amount
  already past its bar cannot come back: cumulative amounts never fall.
- ``latest_value``: a share (unemployment rate, coverage; a year-to-date
  average or share is judged the same way) or any value that is not
  cumulative (a stock at a month's end):
  the latest value is the nowcast; its interval runs from it to one more
  step of the last change (the trend), so a value worsening towards its bar
  needs more effort before it crosses it.
- ``none``: no value this year, no target, or a target without a bar
  (qualitative, not yet assigned): not assessed, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from planwatch.core.indicators import Indicator, Kind
from planwatch.core.observations import Observation, Period
from planwatch.core.pace import amount_needed, nowcast_growth, rest_of_year_growth
from planwatch.core.plan import PlanYear, annual_observation
from planwatch.core.risk import Bar, Tier, bar_for, tier_for
from planwatch.core.targets import Target, TargetForm

LEVEL_SPREAD = 0.2  # share of the scaled amount, without last year's path


@dataclass(frozen=True)
class Assessment:
    """The in-year picture of one indicator as of a month or quarter.

    ``pace`` is what the rest of the year needs: a growth rate in percent
    (``pace_kind`` "growth") or an amount in the indicator's unit ("amount").
    """

    indicator: Indicator
    bar: Bar | None
    latest: Observation | None
    method: str
    tier: Tier
    rule: str
    nowcast: float | None = None
    low: float | None = None
    high: float | None = None
    pace: float | None = None
    pace_kind: str = ""

    def as_record(self) -> dict[str, object]:
        obs = self.latest
        return {
            "indicator": self.indicator.code,
            "name": self.indicator.name,
            "binding": self.indicator.binding.value,
            "unit": self.indicator.unit,
            "period": str(obs.period) if obs else None,
            "ytd": obs.value if obs else None,
            "source": obs.source if obs else None,
            "goal": None if self.bar is None else self.bar.goal,
            "method": self.method,
            "pace": _round(self.pace),
            "pace_kind": self.pace_kind or None,
            "nowcast": _round(self.nowcast),
            "low": _round(self.low),
            "high": _round(self.high),
            "tier": self.tier.value,
            "tier_zh": self.tier.label_zh,
            "rule": self.rule,
        }


def assess(
    indicator: Indicator,
    bar: Bar | None,
    this_year: Sequence[Observation],
    last_year: Sequence[Observation],
    as_of: Period,
) -> Assessment:
    """Assess ``indicator`` against ``bar`` (see :func:`planwatch.core.risk.bar_for`).

    ``this_year`` and ``last_year`` are the indicator's observations of the
    two years; only periods ending by ``as_of`` count.
    """
    seen = sorted(
        (
            o
            for o in this_year
            if not o.period.is_year
            and o.period.year == as_of.year
            and o.period.elapsed_share <= as_of.elapsed_share
        ),
        key=lambda o: o.period.elapsed_share,
    )
    if bar is None:
        latest = seen[-1] if seen else None
        return Assessment(
            indicator, None, latest, "none", Tier.NOT_ASSESSED, "no bar: 无目标值可比"
        )
    annual = annual_observation(this_year, indicator.code, as_of.year)
    if annual is not None:
        tier, rule = tier_for(bar, annual.value, annual.value)
        value = annual.value
        return Assessment(
            indicator, bar, annual, "annual", tier, f"annual value: {rule}", value, value, value
        )
    if not seen:
        return Assessment(
            indicator, bar, None, "none", Tier.NOT_ASSESSED, "no value this year: 年内暂无数据"
        )
    cumulative = [o for o in seen if o.cumulative]
    if not seen[-1].cumulative or indicator.kind is Kind.SHARE:
        return _latest_value(indicator, bar, seen)
    if indicator.kind is Kind.GROWTH:
        return _cumulative_growth(indicator, bar, cumulative, last_year)
    return _cumulative_level(indicator, bar, cumulative, last_year)


def _cumulative_growth(
    indicator: Indicator, bar: Bar, seen: list[Observation], last_year: Sequence[Observation]
) -> Assessment:
    latest = seen[-1]
    share = latest.period.elapsed_share
    before = annual_observation(last_year, indicator.code, latest.period.year - 1)
    prior = None if before is None else before.value
    cast = nowcast_growth([(o.period.elapsed_share, o.value) for o in seen], last_year=prior)
    pace = rest_of_year_growth(bar.goal, latest.value, share)
    tier, rule = tier_for(bar, cast.low, cast.high)
    rest = "as so far" if prior is None else f"as last year ({prior:g})"
    return Assessment(
        indicator,
        bar,
        latest,
        "cumulative_growth",
        tier,
        f"nowcast {cast.central:.2f} at {share:.0%} of the year, the rest growing {rest}; {rule}",
        cast.central,
        cast.low,
        cast.high,
        pace,
        "growth",
    )


def _cumulative_level(
    indicator: Indicator, bar: Bar, seen: list[Observation], last_year: Sequence[Observation]
) -> Assessment:
    latest = seen[-1]
    needed = amount_needed(bar.goal, latest.value) if bar.higher else None
    if not bar.higher and latest.value > bar.value:
        return Assessment(
            indicator,
            bar,
            latest,
            "cumulative_level",
            Tier.AT_RISK,
            f"cumulative {latest.value:g} already above {bar.words()}; it cannot fall: 难以完成",
            latest.value,
            latest.value,
            latest.value,
        )
    if bar.higher and latest.value >= bar.value:
        return Assessment(
            indicator,
            bar,
            latest,
            "cumulative_level",
            Tier.ON_TRACK,
            f"cumulative {latest.value:g} already clears {bar.words()}: 可完成",
            latest.value,
            latest.value,
            latest.value,
            0.0,
            "amount",
        )
    central, low, high, how = _level_nowcast(seen, last_year)
    tier, rule = tier_for(bar, low, high)
    return Assessment(
        indicator,
        bar,
        latest,
        "cumulative_level",
        tier,
        f"{how}; {rule}",
        central,
        low,
        high,
        needed,
        "amount" if needed is not None else "",
    )


def _level_nowcast(
    seen: list[Observation], last_year: Sequence[Observation]
) -> tuple[float, float, float, str]:
    """Year-end amount: as growth on last year's path when it is known, else by time progress."""
    latest = seen[-1]
    code = latest.indicator
    annual_last = annual_observation(last_year, code, latest.period.year - 1)
    path = {
        (o.period.quarter, o.period.month): o.value
        for o in last_year
        if o.cumulative and not o.period.is_year
    }
    readings = [
        (path[(o.period.quarter, o.period.month)] / annual_last.value, _growth(o, path))
        for o in seen
        if annual_last is not None
        and annual_last.value > 0
        and path.get((o.period.quarter, o.period.month), 0) > 0
    ]
    if annual_last is not None and readings and readings[-1][0] < 1:
        cast = nowcast_growth(readings)
        scale = annual_last.value / 100
        return (
            annual_last.value + cast.central * scale,
            annual_last.value + cast.low * scale,
            annual_last.value + cast.high * scale,
            f"growth on last year's path {cast.central:.2f}% → {annual_last.value:g} × (1 + g)",
        )
    elapsed = latest.period.elapsed_share
    central = latest.value / elapsed
    half = (1 - elapsed) * LEVEL_SPREAD * central
    return (
        central,
        central - half,
        central + half,
        f"time progress: {latest.value:g} ÷ {elapsed:.2f}",
    )


def _growth(obs: Observation, path: dict[tuple[int | None, int | None], float]) -> float:
    return (obs.value / path[(obs.period.quarter, obs.period.month)] - 1) * 100


def _latest_value(indicator: Indicator, bar: Bar, seen: list[Observation]) -> Assessment:
    latest = seen[-1]
    change = latest.value - seen[-2].value if len(seen) > 1 else 0.0
    low, high = sorted((latest.value, latest.value + change))
    tier, rule = tier_for(bar, low, high)
    return Assessment(
        indicator,
        bar,
        latest,
        "latest_value",
        tier,
        f"latest {latest.value:g}, trend {change:+g} projected one step; {rule}",
        latest.value,
        low,
        high,
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def assess_plan(
    plan: PlanYear, last_year: Sequence[Observation], as_of: Period
) -> list[Assessment]:
    """Assess every indicator of the plan year as of ``as_of``, in the plan's order.

    An ``in_step_with`` target is judged against the nowcast of the indicator
    it follows (income against GDP growth).
    """
    targets = {t.indicator: t for t in plan.targets if t.year == plan.year}
    by_code = {i.code: i for i in plan.indicators}
    done: dict[str, Assessment] = {}

    def one(indicator: Indicator) -> Assessment:
        if indicator.code in done:
            return done[indicator.code]
        target = targets.get(indicator.code)
        reference = None
        if (
            target is not None
            and target.reference in by_code
            and target.reference != indicator.code
        ):
            reference = one(by_code[target.reference]).nowcast
        mine = [o for o in plan.observations if o.indicator == indicator.code]
        before = [o for o in last_year if o.indicator == indicator.code]
        result = assess(indicator, bar_for(indicator, target, reference), mine, before, as_of)
        if result.bar is None:
            result = replace(result, rule=_why_no_bar(target))
        done[indicator.code] = result
        return result

    return [one(indicator) for indicator in plan.indicators]


def _why_no_bar(target: Target | None) -> str:
    if target is None:
        return "no target: 未下达控制指标"
    if target.form is TargetForm.QUALITATIVE:
        return "qualitative: 由人工评价, 不作预估"
    if target.form is TargetForm.IN_STEP_WITH:
        return f"in_step_with: {target.reference} 暂无预估, 无从比较"
    return "assigned: 待上级下达, 无目标值可比"
