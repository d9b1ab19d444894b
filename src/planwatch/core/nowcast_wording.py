"""The brief's sentences on the year's outlook, written from an :class:`Assessment`.

"1—10月规上工业增加值增长8.1%,低于全年目标0.9个百分点,后两个月需增长13.5%方能完成全年目标,
预计全年难以完成" — the figures are the assessment's, the words the plan office's.
"""

from __future__ import annotations

from planwatch.core.nowcast import Assessment
from planwatch.core.observations import Period
from planwatch.core.risk import Tier
from planwatch.core.wording import number, subject

_COUNT = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_SPAN_Q = {1: "一季度", 2: "上半年", 3: "前三季度"}
_REST_Q = {1: "后三个季度", 2: "下半年", 3: "四季度"}
_OUTLOOK = {
    Tier.ON_TRACK: "预计可完成全年目标",
    Tier.PUSH: "完成全年目标仍需加力",
    Tier.AT_RISK: "预计全年难以完成",
}


def span(period: Period) -> str:
    """The months counted so far: 1—10月, 前三季度, 1月."""
    if period.quarter is not None:
        return _SPAN_Q.get(period.quarter, "全年")
    if period.month == 1:
        return "1月"
    return f"1—{period.month}月"


def rest(period: Period) -> str:
    """The months still to come: 后两个月, 四季度, 12月."""
    if period.quarter is not None:
        return _REST_Q.get(period.quarter, "")
    left = 12 - (period.month or 12)
    return "12月" if left == 1 else f"后{_COUNT.get(left, str(left))}个月"


def outlook_sentence(a: Assessment) -> str | None:
    """One sentence on ``a``, or ``None`` when nothing can be said (not assessed)."""
    if a.tier is Tier.NOT_ASSESSED or a.latest is None or a.bar is None:
        return None
    ind, obs, goal = a.indicator, a.latest, a.bar.goal
    if a.method == "cumulative_growth" and a.pace is not None:
        gap = obs.value - goal
        side = "高于" if gap >= 0 else "低于"
        verb = "增长" if obs.value >= 0 else "下降"
        head = f"{span(obs.period)}{subject(ind)}{verb}{number(abs(obs.value))}%"
        later = rest(obs.period)
        need = f"{later}需增长{number(a.pace, 1)}%方能完成全年目标"
        if a.pace <= 0:
            need = f"{later}即使下降{number(-a.pace, 1)}%仍可完成全年目标"
        elif gap >= 0:
            need = f"{later}增长{number(a.pace, 1)}%即可完成全年目标"
        points = number(abs(gap), 1)
        gap_words = "与全年目标持平" if points == "0" else f"{side}全年目标{points}个百分点"
        return f"{head},{gap_words},{need},{_OUTLOOK[a.tier]}"
    if a.method == "cumulative_level":
        done = f"{span(obs.period)}{ind.name}累计{number(obs.value)}{ind.unit}"
        if a.pace is not None and goal > 0:
            share = number(obs.value / goal * 100, 1)
            needed = f"尚需{number(a.pace)}{ind.unit}"
            return f"{done},完成全年目标的{share}%,{needed},{_OUTLOOK[a.tier]}"
        return f"{done},{_OUTLOOK[a.tier]}"
    if a.method == "annual":
        return f"{ind.name}全年{number(obs.value)}{ind.unit},{_OUTLOOK[a.tier]}"
    when = span(obs.period) if obs.cumulative else f"{_end(obs.period)}末"
    side = "达到" if a.bar.clears(obs.value) else "未达到"
    value = f"{number(obs.value)}{ind.unit}"
    return f"{when}{ind.name}为{value},{side}全年目标{number(goal)}{ind.unit},{_OUTLOOK[a.tier]}"


def _end(period: Period) -> str:
    if period.quarter is not None:
        return f"{_COUNT[period.quarter]}季度"
    return f"{period.month}月"
