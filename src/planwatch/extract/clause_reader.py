"""Reading one clause: which numbers it states and what each one is about.

For each number of a clause the **subject** is the words left of it
(工业投资增长16%), or the object right of it after an action verb
(新增48家专精特新企业); an empty left side carries the subject of the previous
number of the sentence (到位资金243亿元、增长16.1%); attribute nouns (完成投资,
协议资金) take the thing counted just before as prefix; 分别 / 均 lists give one
statement per member; ranks and 连续N年 runs name what they rank or time.
The remaining fields come from :mod:`planwatch.extract.statement_fields`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planwatch.core.numbers import Qualifier
from planwatch.extract.hits import Hit, find_hits
from planwatch.extract.lexicon import (
    ACTION_VERBS,
    ATTRIBUTE_NOUNS,
    COUNT_UNITS,
    GENERIC_OBJECTS,
    GROWTH_DOWN,
    LEVEL_VERBS,
)
from planwatch.extract.records import Measure, Statement
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext, build_statement, in_stock_clause
from planwatch.extract.subjects import (
    base_name,
    counted_object,
    cut_locative,
    drop_generic,
    holder_of,
    last_phrase,
    leading_action,
    nearest_verb,
    split_list,
    strip_leading,
    strip_trailing,
    with_area_head,
)

_COMPARED_RE = re.compile(r"^(?:较|比|同比)(?:上年|去年|(?:19|20)\d\d年)?(?:同期|末|底)?")
_EACH_RE = re.compile(r"(?<![人亩户平])均(?=[^,、]{0,4}$)")
_LIST_GLUE = {"", "、", "和", "及", "与"}


def clause_statements(ctx: ClauseContext, clause: Span, part: Part | None) -> None:
    """Append the statements of ``clause`` to ``ctx.made`` (the sentence's statements so far)."""
    hits = find_hits(Span(ctx.plain[clause.start : clause.end], clause.start, clause.end))
    out = ctx.made
    position = clause.start
    index = 0
    while index < len(hits):
        hit = hits[index]
        left = ctx.plain[position : hit.start].rstrip()
        group = _list_group(ctx.plain, hits, index) if "分别" in left else [hit]
        following = hits[index + len(group)].start if index + len(group) < len(hits) else clause.end
        listed = any(sep in left for sep in ("、", "和"))
        if (
            len(group) > 1
            or (listed and _EACH_RE.search(left))
            or (hit.text_target is not None and "、" in _list_head(left))
            or _shared_head_list(left, hit)
            or (hit.measure is Measure.GROWTH and "双" in ctx.line[hit.start : hit.end])
        ):
            out.extend(_list_statements(ctx, clause, part, group, position, left))
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


def _list_group(line: str, hits: list[Hit], index: int) -> list[Hit]:
    group = [hits[index]]
    for hit in hits[index + 1 :]:
        glue = line[group[-1].end : hit.start].strip()
        if glue not in _LIST_GLUE or hit.measure is not group[0].measure:
            break
        group.append(hit)
    if len(group) > 1 and group[-1].qualifier is not Qualifier.EXACT:
        for member in group[:-1]:
            if member.qualifier is Qualifier.EXACT:
                member.qualifier = group[-1].qualifier
    return group


def _list_statements(
    ctx: ClauseContext, clause: Span, part: Part | None, group: list[Hit], position: int, left: str
) -> list[Statement]:
    """``A、B分别增长x%、y%``, ``A、B均增长x%`` and ``A和B实现双翻番``: one statement per member."""
    each = _EACH_RE.search(left)
    marker = left.rfind("分别") if "分别" in left else (each.start() if each else -1)
    head = left[:marker] if marker >= 0 else left
    verb_text = left[marker:] if marker >= 0 else ""
    if marker < 0:
        head, verb = strip_trailing(head)
        verb_text = verb or ""
    dropped, head = strip_leading(head)
    head, _ = strip_trailing(head)
    members = len(group) if len(group) > 1 else _member_count(head)
    names = split_list(head, members)
    if not names and not head.strip() and len(ctx.subjects) >= members:
        suffix = "总量" if "总量" in left else ""
        names = [base_name(s) + suffix for s in ctx.subjects[-members:]]
    if not names:
        names = [head or (ctx.subjects[-1] if ctx.subjects else "")] * members
    hits = group if len(group) == members else group * members
    starts = _member_starts(ctx.line, position + dropped, head, members)
    verb = _verb_of(verb_text) or ctx.verb
    out = []
    for name, hit, start in zip(names, hits, starts, strict=True):
        out.append(build_statement(ctx, clause, part, hit, name, start, verb))
    ctx.subjects.extend(names)
    return out


def _list_head(left: str) -> str:
    _, head = strip_leading(left)
    head, _ = strip_trailing(head)
    return head


def _member_count(head: str) -> int:
    for separator in ("、", "和", "及"):
        if separator in head:
            return head.count(separator) + 1
    return 1


def _shared_head_list(left: str, hit: Hit) -> bool:
    """``体征指标、智能预案覆盖率达100%``: a list sharing one rate head states it for each."""
    if hit.unit != "%" or "、" not in left:
        return False
    _, head = strip_leading(left)
    head, _ = strip_trailing(head)
    members = head.count("、") + 1
    names = split_list(head, members)
    return bool(names) and names != [p for p in head.split("、") if p]


def _member_starts(line: str, start: int, head: str, count: int) -> list[int]:
    starts = [start]
    cursor = start
    for sep in ("、", "和", "及", "与"):
        if len(starts) == count:
            break
        while len(starts) < count:
            pos = line.find(sep, cursor, start + len(head))
            if pos < 0:
                break
            cursor = pos + 1
            starts.append(cursor)
    return (starts + [start] * count)[:count]


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
    compared = _COMPARED_RE.match(rest)
    if compared:
        dropped, rest = dropped + compared.end(), rest[compared.end() :]
    name, own_verb = strip_trailing(rest)
    verb = own_verb
    lead = ctx.plain[hit.start : hit.number_start]
    if verb is None and lead in LEVEL_VERBS and not name:
        verb = lead
    if verb is None:
        tail = nearest_verb(rest[-3:]) if rest else None
        verb = tail if tail in GROWTH_DOWN else ctx.verb
    name = last_phrase(cut_locative(name))
    right = ctx.plain[hit.end : following]
    previous = ctx.subjects[-1] if ctx.subjects else ""
    if not name and own_verb in ACTION_VERBS:
        name = own_verb
    action = leading_action(name) or (name if name in ACTION_VERBS else None)
    consumed = hit.end
    glued = not left.strip() or left.lstrip()[0] not in "、,,;;"
    if hit.unit == "年" and (name.endswith("连续") or lead == "连续"):
        rest_of_clause = ctx.plain[hit.end : clause.end]
        subject, holder = _run_subject(name.removesuffix("连续"), rest_of_clause, previous)
        ctx.subjects.append(holder)
        statement = build_statement(ctx, clause, part, hit, subject, position + dropped, verb)
        return statement, hit.end
    if hit.measure is Measure.RANK:
        subject = _rank_subject(ctx, name, previous, hit.rank_scope)
    elif name.startswith("占"):
        subject = base_name(previous) + name
    elif name in ATTRIBUTE_NOUNS and previous:
        holder = ctx.counted if glued and ctx.counted else _holder(previous)
        _name_count_of(ctx, holder)
        subject = holder + name
    elif not name or action == name or name.endswith("等"):
        thing, used = (
            counted_object(right) if not name.endswith("等") else (right.split("、")[0], 0)
        )
        if thing:
            verb_part = name if action == name else (action or ctx.action)
            subject = drop_generic((verb_part or "") + thing)
            consumed = hit.end + used
            ctx.counted = base_name(subject)
        elif in_stock_clause(left):
            subject = base_name(previous) + ("总量" if "总量" in left else "")
        else:
            subject = previous
    elif ctx.action and left.lstrip().startswith("、") and not action and own_verb is None:
        subject = ctx.action + name
    elif glued and ctx.counted and hit.unit == "%":
        subject = ctx.counted + name
    else:
        subject = name
    if action:
        ctx.action = action
    if verb:
        ctx.verb = verb
    subject = drop_generic(subject)
    ctx.subjects.append(subject)
    ctx.unit = hit.unit
    named = with_area_head(subject, hit.unit)
    statement = build_statement(ctx, clause, part, hit, named, position + dropped, verb)
    return statement, max(consumed, hit.end)


def _holder(previous: str) -> str:
    """What the previous subject counted, without its novelty verb unless that leaves too little."""
    whole = holder_of(previous)
    bare = base_name(whole)
    return whole if bare in GENERIC_OBJECTS else bare


def _name_count_of(ctx: ClauseContext, holder: str) -> None:
    """89个区级重点项目完成投资…: the count of the holder is named 区级重点项目数量."""
    for index in range(len(ctx.made) - 1, -1, -1):
        made = ctx.made[index]
        if made.unit in COUNT_UNITS and made.measure is Measure.LEVEL and holder in made.subject:
            if not made.subject.endswith("数量"):
                ctx.made[index] = replace(made, subject=made.subject + "数量")
            return


def _run_subject(noun: str, right: str, previous: str) -> tuple[str, str]:
    """连续5年下降: the name of the run length, and the subject that holds the run.

    ``命案发案连续五年下降`` → 命案发案连续下降年数; with no noun before 连续 the
    run is named by what follows (连续五年未发生…事故 → 未发生…事故连续年数).
    """
    noun = noun.rpartition("、")[2] if noun.endswith("、") or "、" not in noun else noun
    noun = noun.rstrip("、")
    if noun in {"总量", "数量", "规模"}:
        noun = base_name(previous) + noun
    phrase = re.split(r"[,,、;;。]", right.strip(), maxsplit=1)[0]
    if not noun and previous and phrase.startswith(("居", "位居", "保持")):
        noun = base_name(previous)
    if noun:
        return noun + "连续" + phrase + "年数", noun
    return phrase + "连续年数", previous


def _rank_subject(ctx: ClauseContext, name: str, previous: str, scope: str) -> str:
    """居全市第3 ranks the previous subject unless the clause names another one."""
    if "、" in name:
        head, _, tail = name.rpartition("、")
        name = head + tail if tail in {"数量", "规模", "总量"} else tail
    if name in {"数量", "规模", "总量"}:
        name = base_name(previous) + name
    if not name:
        base = base_name(previous).removesuffix("总量")
        name = base + ("数量" if ctx.unit in COUNT_UNITS and not base.endswith("数量") else "")
    return name + scope + "排名"


def _verb_of(text: str) -> str | None:
    _, verb = strip_trailing(text)
    return verb
