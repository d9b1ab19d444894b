"""Reading one clause: which numbers it states and what each one is about.

For each number of a clause the **subject** is the words left of it
(工业投资增长16%), or the object right of it after an action verb
(新增48家专精特新企业); an empty left side carries the subject of the previous
number of the sentence (到位资金243亿元、增长16.1%); attribute nouns (完成投资,
协议资金) take the thing counted just before as prefix; a bare measure word
(整治率) takes the topic of an earlier phrase of the sentence, which is why
phrases without a number are kept; 分别 / 均 lists give one statement per
member (:mod:`planwatch.extract.lists`); ranks and 连续N年 runs name what they
rank or time; gaps in 个百分点 name what they compare
(:mod:`planwatch.extract.compared`). Which of these constructions a number
is in is decided by the named rules of :mod:`planwatch.extract.rules`. The
remaining fields come from :mod:`planwatch.extract.statement_fields`.
"""

from __future__ import annotations

from planwatch.extract.compared import gap_list, gap_words
from planwatch.extract.hit import Hit
from planwatch.extract.hits import find_hits
from planwatch.extract.lists import (
    EACH_RE,
    list_group,
    list_head,
    list_statements,
    ranked_each,
    shared_head_list,
)
from planwatch.extract.records import Measure, Statement, Status
from planwatch.extract.rules import named_statement
from planwatch.extract.rules.reading import reading_of
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext, deadline_year


def clause_statements(ctx: ClauseContext, clause: Span, part: Part | None) -> None:
    """Append the statements of ``clause`` to ``ctx.made`` (the sentence's statements so far)."""
    hits = find_hits(Span(ctx.plain[clause.start : clause.end], clause.start, clause.end))
    if ctx.status_of is not Status.TARGET:
        hits = [hit for hit in hits if not hit.target_only]
    if not hits:
        phrase = ctx.plain[clause.start : clause.end]
        ctx.phrases.append(phrase)
        # 到2027年,…比重达到12%: a deadline opening the sentence dates what follows.
        ctx.period = deadline_year(phrase) or ctx.period
        return
    out = ctx.made
    position = clause.start
    index = 0
    while index < len(hits):
        hit = hits[index]
        left = ctx.plain[position : hit.start].rstrip()
        group = list_group(ctx.plain, hits, index) if "分别" in left else [hit]
        gap = gap_words(left) if hit.unit == "个百分点" else ""
        if len(group) == 1 and ctx.members > 1 and (gap or not list_head(left)):
            group = list_group(ctx.plain, hits, index)
            group = group if len(group) == ctx.members else [hit]
        if gap and 1 < len(group) <= len(ctx.made):
            out.extend(gap_list(ctx, clause, part, group, position + len(left) - len(gap), gap))
            position, index = group[-1].end, index + len(group)
            continue
        following = hits[index + len(group)].start if index + len(group) < len(hits) else clause.end
        if hit.measure is Measure.RANK and (ranked := ranked_each(ctx, clause, part, hit, left)):
            out.extend(ranked)
            position, index = hit.end, index + 1
            continue
        listed = any(sep in left for sep in ("、", "和"))
        if (
            len(group) > 1
            or (listed and EACH_RE.search(left))
            or (hit.text_target is not None and "、" in list_head(left))
            or shared_head_list(left, hit)
            or (hit.measure is Measure.GROWTH and "双" in ctx.line[hit.start : hit.end])
            or hit.both
            or ctx.plain[max(0, hit.start - 2) : hit.start] == "双双"
        ):
            out.extend(list_statements(ctx, clause, part, group, position, left))
        else:
            statement, consumed = _single_statement(
                ctx, clause, part, hit, position, left, following
            )
            out.append(statement)
            position = consumed
            index += 1
            continue
        position = group[-1].end
        index += len(group)


def _single_statement(
    ctx: ClauseContext,
    clause: Span,
    part: Part | None,
    hit: Hit,
    position: int,
    left: str,
    following: int,
) -> tuple[Statement, int]:
    """One number with one subject, named by the first rule of :mod:`planwatch.extract.rules`
    that recognises its construction; also returns where the next number's left side starts."""
    return named_statement(reading_of(ctx, clause, part, hit, position, left, following))
