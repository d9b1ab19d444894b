"""Reading one clause: its numbers, their subjects, measures and flags.

For each number of a clause:

* **subject** — the words left of it (工业投资增长16%), or the object right of
  it after an action verb (新增48家专精特新企业); an empty left side carries
  the subject of the previous number of the sentence (到位资金243亿元、增长16.1%);
  attribute nouns (完成投资, 协议资金) take the thing counted just before as
  prefix; 分别 / 均 lists give one statement per member;
* **measure** — growth for 增长/下降 + %, change for 新增 and for 增加/提升/缩短
  with a non-% unit, rank for 居…第N, level otherwise; declines are negative;
* **cumulative** — 累计 or 总量 before the number; period ``cumulative`` for
  累计 sums of flows (not for 累计达 / 累计建成 stocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.core.numbers import Qualifier, to_halfwidth
from planwatch.extract.hits import Hit, find_hits
from planwatch.extract.lexicon import (
    ACTION_VERBS,
    ATTRIBUTE_NOUNS,
    COUNT_UNITS,
    GROWTH_DOWN,
    GROWTH_UP,
    LEVEL_VERBS,
    NEW_VERBS,
)
from planwatch.extract.records import Measure, Statement, Status
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span
from planwatch.extract.subjects import (
    base_name,
    cut_locative,
    drop_generic,
    last_phrase,
    leading_action,
    nearest_verb,
    object_after,
    split_list,
    strip_leading,
    strip_trailing,
)

_COMPARED_RE = re.compile(r"^(?:较|比|同比)(?:上年|去年|(?:19|20)\d\d年)?(?:同期|末|底)?")
_STRUCTURE_RE = re.compile(r"^(?:项|个)?(?:约束性|预期性|预期)?(?:指标|方面|项工作|工作)")
_STOCK_VERBS = ("达", "建成")
_EACH_RE = re.compile(r"(?<![人亩户平])均(?=[^,、]{0,4}$)")
_TOTAL_RE = re.compile(r"总量(?:分别|均)?(?:达|为|突破|超)")
_LIST_GLUE = {"", "、", "和", "及", "与"}


@dataclass
class ClauseContext:
    """What one number learns from the numbers before it in its sentence."""

    line: str
    line_no: int
    section: str
    status_of: Status
    period: str
    subjects: list[str] = field(default_factory=list)
    action: str | None = None
    verb: str | None = None
    counted: str = ""
    unit: str | None = None


def clause_statements(ctx: ClauseContext, clause: Span, part: Part | None) -> list[Statement]:
    hits = find_hits(ctx.line, clause)
    out: list[Statement] = []
    position = clause.start
    index = 0
    while index < len(hits):
        hit = hits[index]
        left = to_halfwidth(ctx.line[position : hit.start]).rstrip()
        group = _list_group(ctx.line, hits, index) if "分别" in left else [hit]
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
    return out


def _list_group(line: str, hits: list[Hit], index: int) -> list[Hit]:
    group = [hits[index]]
    for hit in hits[index + 1 :]:
        glue = to_halfwidth(line[group[-1].end : hit.start]).strip()
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
        out.append(_statement(ctx, clause, part, hit, name, start, verb))
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
    lead = to_halfwidth(ctx.line[hit.start : hit.number_start])
    if verb is None and lead in LEVEL_VERBS and not name:
        verb = lead
    if verb is None:
        tail = nearest_verb(rest[-3:]) if rest else None
        verb = tail if tail in GROWTH_DOWN else ctx.verb
    name = last_phrase(cut_locative(name))
    right = to_halfwidth(ctx.line[hit.end : following])
    previous = ctx.subjects[-1] if ctx.subjects else ""
    action = leading_action(name) or (name if name in ACTION_VERBS else None)
    consumed = hit.end
    glued = not left.strip() or left.lstrip()[0] not in "、,,;;"
    if hit.unit == "年" and name.endswith("连续"):
        rest_of_clause = to_halfwidth(ctx.line[hit.end : clause.end])
        subject, holder = _run_subject(name.removesuffix("连续"), rest_of_clause, previous)
        ctx.subjects.append(holder)
        statement = _statement(ctx, clause, part, hit, subject, position + dropped, verb)
        return statement, hit.end
    if hit.measure is Measure.RANK:
        subject = _rank_subject(ctx, name, previous, hit.rank_scope)
    elif name.startswith("占"):
        subject = base_name(previous) + name
    elif name in ATTRIBUTE_NOUNS and previous:
        subject = (ctx.counted if glued and ctx.counted else base_name(previous)) + name
    elif not name or action == name or name.endswith("等"):
        thing = object_after(right) if not name.endswith("等") else right.split("、")[0]
        if thing:
            subject = (name if action == name else ctx.action or "") + thing
            consumed = hit.end + right.find(thing) + len(thing)
            ctx.counted = base_name(drop_generic(subject))
        elif _in_stock_clause(left):
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
    statement = _statement(ctx, clause, part, hit, subject, position + dropped, verb)
    return statement, max(consumed, hit.end)


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


def _in_stock_clause(left: str) -> bool:
    return "累计" in left or _TOTAL_RE.search(left) is not None


def _verb_of(text: str) -> str | None:
    _, verb = strip_trailing(text)
    return verb


def _measure(hit: Hit, verb: str | None, subject: str) -> tuple[Measure, float | None]:
    if hit.measure is not None:
        return hit.measure, hit.value
    value = hit.value
    down = verb in GROWTH_DOWN
    if down and value is not None:
        value = -value
    if verb in GROWTH_UP or down:
        return (Measure.GROWTH if hit.unit == "%" else Measure.CHANGE), value
    if verb in LEVEL_VERBS:
        return Measure.LEVEL, value
    if verb in NEW_VERBS or any(word in subject for word in NEW_VERBS):
        return Measure.CHANGE, value
    return Measure.LEVEL, value


def _statement(
    ctx: ClauseContext,
    clause: Span,
    part: Part | None,
    hit: Hit,
    subject: str,
    start: int,
    verb: str | None,
) -> Statement:
    measure, value = _measure(hit, verb, subject)
    before = to_halfwidth(ctx.line[clause.start : hit.start])
    cumulative = _in_stock_clause(before)
    period = ctx.period
    tally = before.rfind("累计")
    if tally >= 0 and not before[tally + 2 :].startswith(_STOCK_VERBS):
        period = "cumulative"
    status = ctx.status_of
    if status is Status.TARGET and part is not None and _is_structure_count(ctx, clause, hit):
        status = Status.ACTUAL
    start = min(max(start, clause.start), hit.number_start)
    return Statement(
        line=ctx.line_no,
        quote=ctx.line[start : hit.end],
        subject=subject.strip(),
        measure=measure,
        value=value,
        unit=hit.unit,
        qualifier=hit.qualifier,
        period=period,
        status=status,
        cumulative=cumulative,
        section=ctx.section,
        text_target=hit.text_target,
        upper=hit.upper,
    )


def _is_structure_count(ctx: ClauseContext, clause: Span, hit: Hit) -> bool:
    """Counts that describe the plan itself (共计31项指标, 以下8个方面) are facts, not targets."""
    if hit.unit not in {"项", "个"}:
        return False
    text = to_halfwidth(ctx.line[clause.start : clause.end])
    if any(marker in text for marker in ("力争", "确保", "争取")):
        return False
    right = to_halfwidth(ctx.line[hit.end : clause.end])
    left = to_halfwidth(ctx.line[clause.start : hit.start])
    return bool(_STRUCTURE_RE.match(right)) or (
        left.endswith(("共计", "合计", "共")) and "指标" in left
    )
