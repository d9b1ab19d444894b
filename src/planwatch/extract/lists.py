"""Lists of subjects sharing numbers: ``A、B分别增长x%、y%``, ``A、B均增长x%``, ``A和B双翻番``.

Each member gets its own statement; members lacking the list's head noun
receive it (:func:`planwatch.extract.members.split_list`), and bare
attributes take the holder stated before the list.
"""

from __future__ import annotations

import re

from planwatch.core.numbers import Qualifier
from planwatch.extract.carried import attribute_list, completion_name
from planwatch.extract.hit import Hit
from planwatch.extract.members import split_list
from planwatch.extract.names import share_name
from planwatch.extract.records import Measure, Statement
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext, build_statement
from planwatch.extract.subjects import base_name, strip_leading, strip_trailing

# 均 just before the verb: every member of the list states the same value.
EACH_RE = re.compile(r"(?<![人亩户平])均(?=[^,、]{0,4}$)")
# What a 均 rank ranks of the subjects before it: their growth rates, or the subjects ("").
_RATE_WORDS = ("增速", "增幅", "")
_LIST_GLUE = {"", "、", "和", "及", "与"}
# The statistical classification names industries as lists: 交通运输、仓储和邮政业.
_INDUSTRY_NAME = re.compile(r"^[^、和,]+、[^、和,]+和[^、和,]+业")


def list_group(line: str, hits: list[Hit], index: int) -> list[Hit]:
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


def list_statements(
    ctx: ClauseContext, clause: Span, part: Part | None, group: list[Hit], position: int, left: str
) -> list[Statement]:
    """``A、B分别增长x%、y%``, ``A、B均增长x%`` and ``A和B实现双翻番``: one statement per member."""
    each = EACH_RE.search(left)
    marker = left.rfind("分别") if "分别" in left else (each.start() if each else -1)
    head = left[:marker] if marker >= 0 else left
    verb_text = left[marker:] if marker >= 0 else ""
    if marker < 0:
        head, verb = strip_trailing(head)
        verb_text = verb or ""
    dropped, head = strip_leading(head)
    head, _ = strip_trailing(head.removesuffix("双双"))
    members = len(group) if len(group) > 1 else _member_count(head)
    names = split_list(head, members)
    if not names and head.startswith("占") and len(ctx.subjects) >= members:
        # …分别增长9.6%、12.4%,占规上工业增加值的比重分别为31.5%、14.2%
        share = share_name(head, group[0].unit)
        names = [base_name(s).partition("占")[0] + share for s in ctx.subjects[-members:]]
    if not names and not head.strip() and len(ctx.subjects) >= members:
        suffix = "总量" if "总量" in left else _attribute_after(verb_text, group[0])
        names = [base_name(s) + suffix for s in ctx.subjects[-members:]]
    if not names:
        names = [head or (ctx.subjects[-1] if ctx.subjects else "")] * members
    names = attribute_list(names, ctx.subjects)
    hits = group if len(group) == members else group * members
    if group[0].measure is Measure.RANK:  # 分别居全国第二、第五位
        names = [name + hit.rank_scope + "排名" for name, hit in zip(names, hits, strict=True)]
    starts = _member_starts(ctx.line, position + dropped, head, members)
    verb = _verb_of(verb_text) or ctx.verb
    out = []
    for name, hit, start in zip(names, hits, starts, strict=True):
        out.append(build_statement(ctx, clause, part, hit, name, start, verb))
    ctx.subjects.extend(names)
    if len(group) > 1:
        ctx.members = len(group)
    return out


def _attribute_after(verb_text: str, hit: Hit) -> str:
    """What a list names after 分别 for the subjects stated before it: 分别完成投资 → 完成投资,
    分别占年度计划 (with %) → 占年度计划比重; "" for a bare verb (分别增长)."""
    rest, _ = strip_trailing(verb_text.removeprefix("分别"))
    return completion_name(rest, hit.unit) or share_name(rest, hit.unit)


def list_head(left: str) -> str:
    _, head = strip_leading(left)
    head, _ = strip_trailing(head)
    return head


def _member_count(head: str) -> int:
    for separator in ("、", "和", "及"):
        if separator in head:
            return head.count(separator) + 1
    return 1


def shared_head_list(left: str, hit: Hit) -> bool:
    """``体征指标、智能预案覆盖率达100%``: a list sharing one rate head states it for each."""
    if hit.unit != "%" or "、" not in left:
        return False
    _, head = strip_leading(left)
    head, _ = strip_trailing(head)
    if _INDUSTRY_NAME.match(head):
        return False  # 交通运输、仓储和邮政业增加值: one industry of the classification
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


def _verb_of(text: str) -> str | None:
    _, verb = strip_trailing(text)
    return verb


def ranked_each(
    ctx: ClauseContext, clause: Span, part: Part | None, hit: Hit, left: str
) -> list[Statement]:
    """增速均居全省第一 after several growths ranks the rate of each; 产量均居全国第2位
    ranks each subject ending in 产量; 均居全省第一 alone ranks every subject of the
    sentence so far. ``[]`` unless 均 refers back to two or more."""
    head = list_head(left)
    if not EACH_RE.search(left):
        return []
    stated = [s for s in ctx.made if s.measure is not Measure.RANK]
    if head in _RATE_WORDS:
        wanted = [s.subject + head for s in stated if s.measure is Measure.GROWTH or not head]
    else:
        wanted = [s.subject for s in stated if s.subject.endswith(head)]
    names = list(dict.fromkeys(wanted))
    if len(names) < 2:
        return []
    names = [name + hit.rank_scope + "排名" for name in names]
    ctx.subjects.extend(names)
    start = clause.start + len(left) - len(left.lstrip())
    return [build_statement(ctx, clause, part, hit, name, start, None) for name in names]
