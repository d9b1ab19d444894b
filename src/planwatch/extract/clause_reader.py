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
(:mod:`planwatch.extract.compared`). The remaining fields come from
:mod:`planwatch.extract.statement_fields`.
"""

from __future__ import annotations

import re

from planwatch.extract.carried import (
    attribute_subject,
    events_after_things,
    held_name,
    is_headless,
    process_holder,
    rank_subject,
    run_subject,
    sentence_topic,
    threshold_before,
    with_topic,
)
from planwatch.extract.compared import after_growth, gap_list, gap_subject, gap_words
from planwatch.extract.hits import Hit, find_hits
from planwatch.extract.lexicon import (
    ACTION_VERBS,
    ATTRIBUTE_NOUNS,
    COUNT_UNITS,
    GENERIC_VERBS,
    GROWTH_DOWN,
    LEVEL_VERBS,
)
from planwatch.extract.lists import (
    EACH_RE,
    list_group,
    list_head,
    list_statements,
    ranked_each,
    shared_head_list,
)
from planwatch.extract.names import (
    band_name,
    beneficiary,
    class_name,
    counted_after,
    counter_of,
    destination_first,
    industry_share,
    listed_kind,
    postpose_verb,
    property_name,
    reduced_dimension,
    share_name,
    stock_name,
    structure_name,
    tally_holder,
    tally_name,
    timed_name,
    with_unit_head,
    with_verdict,
)
from planwatch.extract.records import Measure, Statement
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import (
    ClauseContext,
    build_statement,
    deadline_year,
    in_stock_clause,
)
from planwatch.extract.subjects import (
    base_name,
    counted_object,
    cut_locative,
    drop_generic,
    last_phrase,
    leading_action,
    nearest_verb,
    strip_leading,
    strip_trailing,
    within_parent,
)

_COMPARED_RE = re.compile(
    r"^(?:较|比(?![重例])|同比)(?:上年|去年|年初|(?:19|20)\d\d年)?(?:同期|末|底|初)?"
)
_ROMAN_NUMERALS = "ⅠⅡⅢⅣⅤⅥ"
_RUN_UNITS = {"年": "年数", "个月": "月数"}  # 连续5年, 连续8个月
_RATE_AFTER = re.compile(r"的(?:增速|增幅)")  # 深圳以5.8%的增速: a growth introduced by 以
# 保持40%以上增长, 实现6%的较快增长: the rate comes before its growth.
_GROWTH_AFTER = re.compile(r"的?(?:较快|快速|稳定|平稳|稳步|高速|中高速)?增长")


def clause_statements(ctx: ClauseContext, clause: Span, part: Part | None) -> None:
    """Append the statements of ``clause`` to ``ctx.made`` (the sentence's statements so far)."""
    hits = find_hits(Span(ctx.plain[clause.start : clause.end], clause.start, clause.end))
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
    """One number with one subject; also returns where the next number's left side starts."""
    dropped, rest = strip_leading(left)
    spoken = rest
    compared = _COMPARED_RE.match(rest)
    if compared:
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
    name = last_phrase(cut_locative(name))
    if own_verb is None and verb in GROWTH_DOWN:
        name = reduced_dimension(name, ctx.plain[: clause.start])
    right = ctx.plain[hit.end : following]
    previous = ctx.subjects[-1] if ctx.subjects else ""
    if not name and own_verb in ACTION_VERBS:
        name = own_verb
    action = leading_action(name) or (name if name in ACTION_VERBS else None)
    consumed = hit.end
    glued = not left.strip() or left.lstrip()[0] not in "、,,;;"
    if hit.unit in _RUN_UNITS and (name.endswith("连续") or lead == "连续"):
        rest_of_clause = ctx.plain[hit.end : clause.end]
        noun = name.removesuffix("连续")
        subject, holder = run_subject(noun, rest_of_clause, previous, _RUN_UNITS[hit.unit])
        ctx.subjects.append(holder)
        statement = build_statement(ctx, clause, part, hit, subject, position + dropped, verb)
        return statement, hit.end
    if hit.unit == "个百分点" and (gap := gap_subject(spoken, previous, after_growth(ctx))):
        subject = gap[0]
        ctx.subjects.append(subject)
        verb = "下降" if gap[1] else "提高"
        start = position + len(left) - len(spoken)
        return build_statement(ctx, clause, part, hit, subject, start, verb), hit.end
    stated = ctx.plain[hit.start : hit.end]
    before = ctx.plain[clause.start : hit.start]
    if hit.subject:
        subject = hit.subject
    elif hit.measure is Measure.RANK:
        subject = rank_subject(ctx, name, previous, hit.rank_scope)
    elif structure := structure_name(before, stated, ctx.plain[hit.end : clause.end], ctx.period):
        subject = structure
    elif own_verb == "为" and (served := beneficiary(right)):
        subject, used = served
        consumed = hit.end + used
    elif name.startswith("占"):
        subject = base_name(previous) + share_name(name, hit.unit)
    elif held := held_name(name, previous, before, ctx, hit.unit):
        subject, verb = held, "达" if held.endswith("完成率") else verb  # a rate, not a flow
    elif band := band_name(name, stated, right):
        subject, consumed = band[0], hit.end + band[1]
    elif prop := property_name(name, counted_object(right)[0], hit.unit):
        subject, consumed = prop, hit.end + counted_object(right)[1]
    elif name and ctx.plain[hit.end : hit.end + 1].isdigit():
        name = tally_holder(name, previous)
        subject, ctx.tally = tally_name(name, hit.unit), name
    elif not left.strip() and ctx.tally:
        subject, ctx.tally = tally_name(ctx.tally, hit.unit), ""
    elif (
        name
        and (not action or action in GENERIC_VERBS)
        and not name.endswith("等")
        and ctx.plain[hit.number_start].isdigit()
        and (after := counted_after(name, right, hit.unit))
    ):
        subject, verb_word, used = after
        action, consumed = verb_word or None, hit.end + used
    elif name in ATTRIBUTE_NOUNS and previous:
        subject = attribute_subject(ctx, name, previous, glued)
    elif not name or action == name or name.endswith("等"):
        thing, used = counted_object(right.split("、")[0] if name.endswith("等") else right)
        if thing:
            verb_part = name if action == name else (action or ctx.action)
            subject = drop_generic((verb_part or "") + thing)
            consumed = hit.end + used
            ctx.counted = base_name(subject)
            if stated.endswith("以上") and ctx.plain[consumed : consumed + 1].isdigit():
                # 其中50亿元以上项目8个: the amount grades the things the count counts.
                ctx.tally = drop_generic((verb_part or "") + stated + thing)
                subject += "门槛"
        elif in_stock_clause(left):
            subject = base_name(previous) + ("总量" if "总量" in left else "")
        else:
            subject = previous
    elif (
        ctx.action
        and left.lstrip().startswith("、")
        and strip_leading(left.lstrip()[1:])[0] == 0  # 、实现旅游收入 has a verb of its own
        and not action
        and own_verb is None
        and not events_after_things(ctx.unit, hit.unit)
    ):
        subject = listed_kind(previous, ctx.action, name) or ctx.action + name
    elif glued and ctx.counted and hit.unit == "%":
        subject = ctx.counted + name
    else:
        subject = name
    if hit.unit == "%" and (growth := _GROWTH_AFTER.match(ctx.plain, hit.end, following)):
        verb, consumed = "增长", max(consumed, growth.end())
    if rate:
        consumed = max(consumed, rate.end())
    rest = ctx.plain[consumed : clause.end]
    # A verdict follows the object (8项实事全部兑现) or the count (问题37个全部整改).
    verdict = consumed > hit.end or rest.startswith(("全部", "均", "已"))
    if verdict and following == clause.end and hit.unit in COUNT_UNITS and subject:
        subject = with_verdict(subject, rest)
    subject = timed_name(stock_name(subject, left), hit.unit, ctx.plain[consumed : clause.end])
    if action:
        ctx.action = action
    if verb:
        ctx.verb = verb
    subject = within_parent(postpose_verb(drop_generic(subject)), ctx.parent)
    subject = industry_share(destination_first(subject))
    if is_headless(subject) and previous.endswith(subject):
        subject = previous  # …占规上工业总产值比重36.4%,比重提高2个百分点
    if is_headless(subject):
        topic = (
            threshold_before(ctx, clause, position)
            or process_holder(previous, subject)
            or sentence_topic(ctx)
        )
        subject = with_topic(subject, topic)
    if ctx.plain[hit.number_start] in _ROMAN_NUMERALS:
        subject = class_name(subject)
    if hit.counter_from_subject:
        hit.unit = counter_of(subject)
    ctx.subjects.append(subject)
    ctx.unit = hit.unit
    named = with_unit_head(subject, hit.unit)
    statement = build_statement(ctx, clause, part, hit, named, position + dropped, verb)
    return statement, max(consumed, hit.end)
