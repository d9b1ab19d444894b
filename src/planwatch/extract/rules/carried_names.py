"""Rules naming a number by what was named before it in the sentence.

Each rule takes a :class:`~planwatch.extract.rules.reading.Reading` and returns
the subject, or ``None`` when its construction is not there.
"""

from __future__ import annotations

from planwatch.extract.carried import (
    attribute_subject,
    events_after_things,
    held_name,
    rank_subject,
    run_subject,
)
from planwatch.extract.compared import after_growth, gap_subject
from planwatch.extract.lexicon import ATTRIBUTE_NOUNS
from planwatch.extract.names import listed_kind, share_name
from planwatch.extract.records import Measure
from planwatch.extract.rules.reading import Reading
from planwatch.extract.subjects import base_name, strip_leading

_RUN_UNITS = {"年": "年数", "个月": "月数", "个季度": "季度数"}  # 连续5年, 连续8个月


def run_length(r: Reading) -> str | None:
    """连续5年下降: the length of a run, named by what runs (a final name)."""
    if r.hit.unit not in _RUN_UNITS or not (r.name.endswith("连续") or r.lead == "连续"):
        return None
    noun = r.name.removesuffix("连续")
    subject, holder = run_subject(noun, r.after, r.previous, _RUN_UNITS[r.hit.unit])
    r.carry = holder
    return subject


def gap_in_points(r: Reading) -> str | None:
    """增幅比全国高1.7个百分点: a gap names what it compares (a final name)."""
    if r.hit.unit != "个百分点":
        return None
    gap = gap_subject(r.spoken, r.previous, after_growth(r.ctx))
    if not gap:
        return None
    r.verb = "下降" if gap[1] else "提高"
    r.dropped = len(r.left) - len(r.spoken)
    return gap[0]


def preset(r: Reading) -> str | None:
    """A word number that names its own subject (第7户百亿级企业)."""
    return r.hit.subject or None


def rank(r: Reading) -> str | None:
    """居全市第3 ranks the previous subject unless the clause names another."""
    if r.hit.measure is not Measure.RANK:
        return None
    subject = rank_subject(r.ctx, r.name, r.previous, r.hit.rank_scope)
    # What is ranked is carried on (居全国第三,稳居中部前五: the same 经济总量).
    r.carry = subject.removesuffix(r.hit.rank_scope + "排名") or None
    return subject


def share(r: Reading) -> str | None:
    """占全区经济总量的39%: a share of the previous subject's whole."""
    if not r.name.startswith("占"):
        return None
    return base_name(r.previous) + share_name(r.name, r.hit.unit)


def held(r: Reading) -> str | None:
    """完成目标任务的105%: a completion rate of what the sentence holds."""
    name = held_name(r.name, r.previous, r.before, r.ctx, r.hit.unit)
    if name and name.endswith("完成率"):
        r.verb = "达"  # a rate, not a flow
    return name or None


def attribute(r: Reading) -> str | None:
    """到位资金243亿元 after a count: the attribute of the thing counted."""
    if r.name not in ATTRIBUTE_NOUNS or not r.previous:
        return None
    if r.previous.endswith(("人数", "户数", "人次")):
        return None  # 惠及30万老人,实现税收80亿: people reached hold no 税收
    return attribute_subject(r.ctx, r.name, r.previous, r.glued)


def listed_member(r: Reading) -> str | None:
    """、先行村7个 after 新创…引领镇1个: a member takes the clause's action (and the first
    member's qualifiers when it names a kind in three characters)."""
    left = r.left.lstrip()
    if not r.ctx.action or not left.startswith("、") or r.action or r.own_verb is not None:
        return None
    if strip_leading(left[1:])[0] != 0:
        return None  # 、实现旅游收入 has a verb of its own
    if events_after_things(r.ctx.unit, r.hit.unit):
        return None
    return listed_kind(r.previous, r.ctx.action, r.name) or r.ctx.action + r.name


def counted_rate(r: Reading) -> str | None:
    """A percentage glued to a count is a rate of the things counted."""
    if r.glued and r.ctx.counted and r.hit.unit == "%":
        return r.ctx.counted + r.name
    return None
