"""Rules naming a count by the things it counts, and numbers inside names."""

from __future__ import annotations

from planwatch.extract.lexicon import GENERIC_VERBS
from planwatch.extract.names import (
    band_name,
    beneficiary,
    counted_after,
    property_name,
    structure_name,
    tally_holder,
    tally_name,
)
from planwatch.extract.rules.reading import Reading
from planwatch.extract.statement_fields import in_stock_clause
from planwatch.extract.subjects import base_name, counted_object, drop_generic


def structure(r: Reading) -> str | None:
    """重点做好以下8个方面31项工作: the report's own structure."""
    return structure_name(r.before, r.stated, r.after, r.ctx.period)


def served(r: Reading) -> str | None:
    """为7601户市场主体放款…: those served, named with the service."""
    if r.own_verb != "为" or not (found := beneficiary(r.right)):
        return None
    r.consumed = r.hit.end + found[1]
    return found[0]


def band(r: Reading) -> str | None:
    """入选全球ESI前1%学科: a top band names the things in it."""
    if not (found := band_name(r.name, r.stated, r.right)):
        return None
    r.consumed = r.hit.end + found[1]
    return found[0]


def inner_property(r: Reading) -> str | None:
    """枣子湾220千伏变电站: a number inside a name is a property of the thing after it."""
    thing, used = counted_object(r.right)
    if not (name := property_name(r.name, thing, r.hit.unit)):
        return None
    r.consumed = r.hit.end + used
    return name


def first_tally(r: Reading) -> str | None:
    """监测对象390户(1070人): the first of two counts of one thing, named by its unit."""
    if not r.name or not r.ctx.plain[r.hit.end : r.hit.end + 1].isdigit():
        return None
    name = tally_holder(r.name, r.previous)
    r.ctx.tally = name
    return tally_name(name, r.hit.unit)


def second_tally(r: Reading) -> str | None:
    """(390户)1070人: the second count of the same thing."""
    if r.left.strip() or not r.ctx.tally:
        return None
    name, r.ctx.tally = r.ctx.tally, ""
    return tally_name(name, r.hit.unit)


def count_before_object(r: Reading) -> str | None:
    """完成编目84个应用: words, then a count, then what it counts."""
    if not r.name or (r.action and r.action not in GENERIC_VERBS) or r.name.endswith("等"):
        return None
    if not r.ctx.plain[r.hit.number_start].isdigit():
        return None
    if not (after := counted_after(r.name, r.right, r.hit.unit)):
        return None
    subject, verb_word, used = after
    r.action, r.consumed = verb_word or None, r.hit.end + used
    return subject


def counted_thing(r: Reading) -> str | None:
    """新增48家专精特新企业: the object right of the count, with the clause's action."""
    if r.name and r.action != r.name and not r.name.endswith("等"):
        return None
    right = r.right.split("、")[0] if r.name.endswith("等") else r.right
    thing, used = counted_object(right)
    if not thing:
        if in_stock_clause(r.left):
            return base_name(r.previous) + ("总量" if "总量" in r.left else "")
        return r.previous
    verb_part = r.name if r.action == r.name else (r.action or r.ctx.action)
    subject = drop_generic((verb_part or "") + thing)
    r.consumed = r.hit.end + used
    r.ctx.counted = base_name(subject)
    if r.stated.endswith("以上") and r.ctx.plain[r.consumed : r.consumed + 1].isdigit():
        # 其中50亿元以上项目8个: the amount grades the things the count counts.
        r.ctx.tally = drop_generic((verb_part or "") + r.stated + thing)
        subject += "门槛"
    return subject
