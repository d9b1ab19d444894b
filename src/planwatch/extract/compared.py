"""Gaps to a reference: ``增幅比全国高1.7个百分点``, ``高于序时进度25.2个百分点``.

A growth or rate compared with another region or another period (全国, 全市,
一季度, 序时进度) states a gap in percentage points, named after the indicator
compared and its reference: 固定资产投资增速较全国 (+1.7), 基础设施投资增速较一季度
(−4.5). Comparisons with the previous year (较上年, 同比) are not gaps but the
indicator's own change; the clause reader handles them.
"""

from __future__ import annotations

import re

from planwatch.extract.hit import Hit
from planwatch.extract.records import Measure, Statement
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext, build_statement
from planwatch.extract.subjects import strip_leading

_GAP = re.compile(
    r"^(?P<name>[^,,;;、]*?)(?P<cmp>(?<!占)比(?![重例])|较|高于|高出|低于|快于|慢于)"
    r"(?P<ref>[^,,;;、]{2,8}?)(?P<dir>高|低|快|慢|加快|提高|提升|回落|下降|放缓)?$"
)
_SAME_PERIOD = re.compile(r"^(?:上年|去年|年初|同期|上年同期|(?:19|20)\d\d年)")
_RATE_WORDS = ("增幅", "增速")
_BELOW = {"低于", "慢于", "低", "慢", "回落", "下降", "放缓"}


def after_growth(ctx: ClauseContext) -> bool:
    """Whether the sentence's latest statement is a growth (whose rate a gap compares)."""
    return bool(ctx.made) and ctx.made[-1].measure is Measure.GROWTH


def gap_subject(left: str, previous: str, after_growth: bool) -> tuple[str, bool] | None:
    """The name of a gap stated in 个百分点 and whether the indicator is below its reference.

    ``left`` is the clause up to the number without its opening connectives;
    ``previous`` the subject stated before, which an unnamed comparison
    (比全国快6.9个百分点) compares; ``after_growth`` whether that statement was a
    growth, so that its rate (增速) is what is compared. ``None`` when ``left`` is
    no comparison with a reference other than the previous year.
    """
    m = _GAP.match(left)
    if not m or _SAME_PERIOD.match(m.group("ref")):
        return None
    name = m.group("name")
    holder = previous.partition("较")[0]
    if name in _RATE_WORDS or (not name and after_growth):
        name = holder.removesuffix("增速") + "增速"
    elif not name:
        name = holder
    below = m.group("cmp") in _BELOW or m.group("dir") in _BELOW
    return name + "较" + m.group("ref"), below


def gap_words(left: str) -> str:
    """The comparison words before a gap (比一季度加快), without opening connectives and
    分别; "" when ``left`` compares with no reference."""
    spoken = strip_leading(left)[1].removeprefix("分别")
    return spoken if gap_subject(spoken, "", after_growth=False) else ""


def gap_list(
    ctx: ClauseContext, clause: Span, part: Part | None, group: list[Hit], start: int, gap: str
) -> list[Statement]:
    """分别增长57.5%、46.9%,比一季度加快36.9、2.2个百分点: each gap belongs to the
    statement of the same place in the list before it."""
    out = []
    for hit, made in zip(group, ctx.made[-len(group) :], strict=True):
        after_growth = made.measure is Measure.GROWTH
        name, below = gap_subject(gap, made.subject, after_growth) or (made.subject, False)
        verb = "下降" if below else "提高"
        out.append(build_statement(ctx, clause, part, hit, name, start, verb))
        ctx.subjects.append(name)
    return out
