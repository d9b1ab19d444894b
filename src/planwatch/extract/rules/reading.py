"""What the clause reader knows about one number while naming it.

A :class:`Reading` is built once per number (:func:`reading_of`) and handed to
the named rules of :mod:`planwatch.extract.rules`; a rule that recognises its
construction returns the subject and may move ``consumed`` (the characters
after the number it used up), ``verb`` or ``status``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.extract.compared import after_growth
from planwatch.extract.hit import Hit
from planwatch.extract.lexicon import ACTION_VERBS, GROWTH_DOWN, LEVEL_VERBS
from planwatch.extract.names import reduced_dimension
from planwatch.extract.records import Status
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext
from planwatch.extract.subjects import (
    cut_locative,
    last_phrase,
    leading_action,
    nearest_verb,
    strip_leading,
    strip_trailing,
)

_COMPARED_RE = re.compile(
    r"^(?:较|比(?![重例])|同比)(?:上年|去年|年初|(?:19|20)\d\d年)?(?:同期|末|底|初)?"
)
# 近5年提升…, 近3年累计投入: a span looked back over is no part of a name.
_SPAN = re.compile(r"^近(?:\d+|[一二三四五六七八九十]+)(?:年|个月|个季度)(?:来|以来)?")
# 粮食作物年内可完成种植: when and whether it can be done is no part of the name.
_MODAL_INSIDE = re.compile(r"(?<=\w)(?:年内|年底前?|全年)?(?:可|将|能)(?:完成|实现)")
_RATE_AFTER = re.compile(r"的(?:增速|增幅)")  # 深圳以5.8%的增速: a growth introduced by 以


@dataclass
class Reading:
    """One number of a clause and the words around it.

    ``left`` is the text from the end of the previous number to this one,
    ``spoken`` the same without leading noise, ``name`` the candidate subject
    cut from it, ``right`` the text up to the next number, ``previous`` the
    subject of the previous number of the sentence.
    """

    ctx: ClauseContext
    clause: Span
    part: Part | None
    hit: Hit
    position: int
    left: str
    following: int
    dropped: int
    spoken: str
    name: str
    own_verb: str | None
    verb: str | None
    rate: re.Match[str] | None
    right: str
    previous: str
    action: str | None
    consumed: int
    glued: bool
    lead: str
    status: Status | None = None
    period: str | None = None
    carry: str | None = None  # the name later numbers carry, when not the subject itself

    @property
    def stated(self) -> str:
        return self.ctx.plain[self.hit.start : self.hit.end]

    @property
    def before(self) -> str:
        return self.ctx.plain[self.clause.start : self.hit.start]

    @property
    def after(self) -> str:
        """The rest of the clause after the number."""
        return self.ctx.plain[self.hit.end : self.clause.end]


def reading_of(
    ctx: ClauseContext,
    clause: Span,
    part: Part | None,
    hit: Hit,
    position: int,
    left: str,
    following: int,
) -> Reading:
    """Cut the candidate name and verbs of ``hit`` out of the words left of it."""
    dropped, rest = strip_leading(left)
    spoken = rest
    if compared := _COMPARED_RE.match(rest):
        dropped, rest = dropped + compared.end(), rest[compared.end() :]
    name, own_verb = strip_trailing(rest)
    rate = _RATE_AFTER.match(ctx.plain, hit.end, following) if name.endswith("以") else None
    if hit.unit == "%" and hit.measure is None and (rate or name.endswith("增速")):
        # 固定资产投资增速16%以上; 深圳以5.8%的增速居全省首位
        name, own_verb = name.removesuffix("增速").removesuffix("以"), "增长"
    verb = own_verb
    lead = ctx.plain[hit.start : hit.number_start]
    if verb is None and lead in LEVEL_VERBS and not name:
        verb = lead
    if verb is None:
        tail = nearest_verb(rest[-3:]) if rest else None
        verb = tail if tail in GROWTH_DOWN else ctx.verb
    if not name and hit.unit == "%" and verb in LEVEL_VERBS and after_growth(ctx):
        verb = "增长"  # 增长6%以上,力争达到7%: the higher goal of the same growth
    if "、" in name:
        ctx.phrases.append(name.rpartition("、")[0])
    name = last_phrase(cut_locative(_MODAL_INSIDE.sub("", _SPAN.sub("", name))))
    if own_verb is None and verb in GROWTH_DOWN:
        name = reduced_dimension(name, ctx.plain[: clause.start])
    if not name and own_verb in ACTION_VERBS:
        name = own_verb
    return Reading(
        ctx=ctx,
        clause=clause,
        part=part,
        hit=hit,
        position=position,
        left=left,
        following=following,
        dropped=dropped,
        spoken=spoken,
        name=name,
        own_verb=own_verb,
        verb=verb,
        rate=rate,
        right=ctx.plain[hit.end : following],
        previous=ctx.subjects[-1] if ctx.subjects else "",
        action=leading_action(name) or (name if name in ACTION_VERBS else None),
        consumed=hit.end,
        glued=not left.strip() or left.lstrip()[0] not in "、,,;;",
        lead=lead,
    )
