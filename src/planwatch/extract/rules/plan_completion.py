"""Completion of the year's plan takes the holder's name (issue 14, class 1).

规上工业产值412亿元,完成年计划450亿元的91.6%,增长3.2% states four things of
one holder: 412 亿元 is its actual, 450 亿元 its plan (a target), 91.6 % its
年计划完成率, and 3.2 % its growth — the plan words name no indicator.
"""

from __future__ import annotations

import re

from planwatch.extract.records import Status
from planwatch.extract.rules.reading import Reading
from planwatch.extract.subjects import leading_action

_PLAN = r"(?:全?年|年度|全年)?(?:计划|目标)(?:任务)?"
_PLAN_AMOUNT = re.compile(rf"^(?:完成|占|为|达)?(?P<plan>{_PLAN})(?:为|是)?$")
_GIVEN = re.compile(r"^(?:超额|全面|圆满)?完成[^,,;;。\d]{0,8}?(?:下达|确定)的?$")
_TASK_AFTER = re.compile(r"^(?:年度|全年)?(?:目标)?(?:任务|计划)")
_COMPLETED = re.compile(rf"^(?P<holder>[^,,;;。]+?)完成(?P<plan>{_PLAN})的$")
_PLANNED = re.compile(r"^(?:年度|全年)?计划(?!完成|投资|执行)(?P<rest>.+)$")
_OF_PLAN = re.compile(rf"(?P<plan>{_PLAN})[\d.,]+[^\d,,;;。]{{0,4}}的$")


def plan_amount(r: Reading) -> str | None:
    """完成年计划450亿元: the amount planned for the holder, a target."""
    m = _PLAN_AMOUNT.match(r.spoken.strip())
    if not m or not r.previous or r.hit.unit == "%":
        return None
    r.status, r.carry, r.verb = Status.TARGET, r.previous, None
    return r.previous


def given_task(r: Reading) -> str | None:
    """(城镇新增就业超143万人,)超额完成国家下达的110万人年度任务: the holder's target."""
    task = _TASK_AFTER.match(r.right)
    if not task or not _GIVEN.match(r.spoken.strip()) or not r.previous:
        return None
    r.status, r.carry, r.verb = Status.TARGET, r.previous, None
    r.consumed = r.hit.end + task.end()
    return r.previous


def planned(r: Reading) -> str | None:
    """年度计划种植粮食37.7万亩(,其中水稻29万亩): an amount the plan sets is a target,
    and so is the rest of its sentence; the plan words are no part of the name."""
    m = _PLANNED.match(r.name)
    if not m or len(m["rest"]) < 2 or not leading_action(m["rest"]):
        return None  # 计划指标共计31项 counts the plan's indicators: no amount it sets
    r.ctx.status_of = r.status = Status.TARGET
    return m["rest"]


def completion_rate(r: Reading) -> str | None:
    """(年计划450亿元)的91.6%, 营业收入完成全年目标的102%: the holder's completion rate."""
    if r.hit.unit != "%":
        return None
    if (own := _COMPLETED.match(r.spoken.strip())) and len(own["holder"]) >= 2:
        holder, plan = own["holder"], own["plan"]
    elif r.previous and (m := _OF_PLAN.search(r.before)):
        holder, plan = r.previous, m["plan"]
    else:
        return None
    r.carry, r.verb = holder, "达"
    return holder + plan + "完成率"
