"""A clause with no subject of its own takes its holder (issue 14, classes 4, 5, 11).

* a target in brackets after an actual, …增长6.4%(预期目标为7%以上): the
  target of the indicator the sentence states, in the same measure;
* a surplus over the plan, 油菜种植面积12.6万亩,超计划0.8万亩: a change of it;
* a rate's change on the year before, 增速比上年加快0.5个百分点: a change of the
  growth rate in points (回落/放缓: negative);
* a level moved from one value to another, 城镇化率由上年65%提高到66.2%: both
  values are the same indicator's (the first is the year before's).
"""

from __future__ import annotations

import re

from planwatch.extract.records import Measure, Status
from planwatch.extract.rules.reading import Reading

_BRACKET_TARGET = re.compile(r"\((?:年度|全年|预期|计划)?(?:预期)?目标(?:值)?(?:为|是)?$")
_SURPLUS = re.compile(r"^(?:超|超出|超过|超额完成)(?:年度|全年)?(?:计划|目标)(?:任务)?$")
_RATE_CHANGE = re.compile(
    r"^(?P<rate>增速|增幅)?(?:比|较)(?:上年|去年)(?:同期)?(?P<dir>加快|提高|提升|回落|下降|放缓)$"
)
_FROM = re.compile(r"^(?P<name>.+?)由(?:上年|去年|上年末|年初)?(?:的)?$")
_TO = re.compile(r"^(?:增加|提高|提升|上升|下降|降低|减少)(?:到|至)$")


def bracketed_target(r: Reading) -> str | None:
    """(预期目标为7%以上) after an actual: that indicator's target."""
    if not _BRACKET_TARGET.search(r.left.strip()):
        return None
    stated = next((s for s in reversed(r.ctx.made) if s.measure is not Measure.RANK), None)
    if stated is None:
        return None
    r.status = Status.TARGET
    r.verb = "增长" if stated.measure is Measure.GROWTH else "达"
    r.dropped = len(r.left) - len(r.left.lstrip())
    return stated.subject


def surplus(r: Reading) -> str | None:
    """超计划0.8万亩: the holder's surplus over its plan, a change."""
    if not _SURPLUS.match(r.spoken.strip()) or not r.previous:
        return None
    r.verb = "增加"
    return r.previous


def rate_change(r: Reading) -> str | None:
    """增速比上年加快0.5个百分点: the change of the growth rate stated before."""
    if r.hit.unit != "个百分点" or not (m := _RATE_CHANGE.match(r.spoken.strip())):
        return None
    stated = next((s for s in reversed(r.ctx.made) if s.measure is not Measure.RANK), None)
    if stated is None:
        return None
    r.verb = "下降" if m["dir"] in ("回落", "下降", "放缓") else "提高"
    return stated.subject + ("增速" if stated.measure is Measure.GROWTH else "")


def moved_from(r: Reading) -> str | None:
    """城镇化率由上年65%(提高到66.2%): the value the indicator moved from."""
    if not (m := _FROM.match(r.spoken.strip())) or not _TO.match(r.right.strip()):
        return None
    if r.ctx.period.isdigit():
        r.period = str(int(r.ctx.period) - 1)
    r.status, r.verb = Status.ACTUAL, "达"
    return m["name"]


def moved_to(r: Reading) -> str | None:
    """(由上年65%)提高到66.2%: the value it moved to, the same indicator's."""
    if not _TO.match(r.spoken.strip()) or "由" not in r.before or not r.previous:
        return None
    r.verb = "达"
    return r.previous
