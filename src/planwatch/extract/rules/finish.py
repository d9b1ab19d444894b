"""What every name chosen by a rule goes through: verdicts, stocks, topics, unit heads."""

from __future__ import annotations

import re

from planwatch.extract.carried import (
    is_headless,
    process_holder,
    sentence_topic,
    threshold_before,
    with_topic,
)
from planwatch.extract.lexicon import COUNT_UNITS
from planwatch.extract.names import (
    class_name,
    counter_of,
    destination_first,
    industry_share,
    postpose_verb,
    stock_name,
    timed_name,
    with_unit_head,
    with_verdict,
)
from planwatch.extract.rules.reading import Reading
from planwatch.extract.subjects import drop_generic, within_parent

_ROMAN_NUMERALS = "ⅠⅡⅢⅣⅤⅥ"
# 保持40%以上增长, 实现6%的较快增长: the rate comes before its growth.
_GROWTH_AFTER = re.compile(r"的?(?:较快|快速|稳定|平稳|稳步|高速|中高速)?增长")


def finished(r: Reading, subject: str) -> str:
    """The final form of ``subject``; records what later numbers of the sentence carry."""
    ctx, hit = r.ctx, r.hit
    if hit.unit == "%" and (growth := _GROWTH_AFTER.match(ctx.plain, hit.end, r.following)):
        r.verb, r.consumed = "增长", max(r.consumed, growth.end())
    if r.rate:
        r.consumed = max(r.consumed, r.rate.end())
    rest = ctx.plain[r.consumed : r.clause.end]
    # A verdict follows the object (8项实事全部兑现) or the count (问题37个全部整改).
    verdict = r.consumed > hit.end or rest.startswith(("全部", "均", "已"))
    if verdict and r.following == r.clause.end and hit.unit in COUNT_UNITS and subject:
        subject = with_verdict(subject, rest)
    subject = timed_name(stock_name(subject, r.left), hit.unit, rest)
    if r.action:
        ctx.action = r.action
    if r.verb:
        ctx.verb = r.verb
    subject = within_parent(postpose_verb(drop_generic(subject)), ctx.parent)
    subject = industry_share(destination_first(subject))
    if is_headless(subject) and r.previous.endswith(subject):
        subject = r.previous  # …占规上工业总产值比重36.4%,比重提高2个百分点
    if is_headless(subject):
        topic = (
            threshold_before(ctx, r.clause, r.position)
            or process_holder(r.previous, subject)
            or sentence_topic(ctx)
        )
        subject = with_topic(subject, topic)
    if ctx.plain[hit.number_start] in _ROMAN_NUMERALS:
        subject = class_name(subject)
    if hit.counter_from_subject:
        hit.unit = counter_of(subject)
    ctx.subjects.append(r.carry or subject)
    ctx.unit = hit.unit
    return with_unit_head(subject, hit.unit)
