"""The fields of a statement that follow from its number and clause.

* **measure** — growth for 增长/下降 + %, change for 新增 (anywhere in the
  subject) and for 增加/提升/缩短 with a non-% unit, level for 达/为/稳定在 …,
  rank preset by the hit; declines are negative;
* **cumulative** — 累计 or 总量达 before the number, except for a growth or a rank
  whose subject names no 累计 sum; period ``cumulative`` for 累计 sums of flows
  (not for 累计达 / 累计建成 stocks, nor the growth of such a sum: a rate of the year);
* **status** — the sentence's status, except counts that describe the plan
  itself (共计31项指标, 以下8个方面), which are facts even in a plan part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.extract.hit import Hit
from planwatch.extract.lexicon import GROWTH_DOWN, GROWTH_UP, LEVEL_VERBS, NEW_VERBS
from planwatch.extract.records import Measure, Statement, Status
from planwatch.extract.sections import Part
from planwatch.extract.sentences import Span

_STRUCTURE_RE = re.compile(r"^(?:项|个)?(?:约束性|预期性|预期)?(?:指标|方面|项工作|工作)")
# 累计达 / 累计建成 / 累计并网 state what stands at the end of the year, not a multi-year sum.
_STOCK_VERBS = ("达", "建成", "并网", "装机")
# 到2027年 / 2026年底前: a target set for a year other than the plan's own.
_DEADLINE_RE = re.compile(r"(?:到|至)((?:19|20)\d\d) ?年|((?:19|20)\d\d) ?年(?:底|末)?前")
_TOTAL_RE = re.compile(r"总量(?:分别|均)?(?:达|为|突破|超)")


@dataclass
class ClauseContext:
    """One sentence being read: its line, status and year, and what its numbers so far said.

    ``plain`` is the line in half-width form (same positions as ``line``);
    ``subjects`` the names given so far; ``action``/``verb`` the last action
    and measure verbs of the current clause (carried to list members);
    ``counted`` the thing the last count counted; ``tally`` a name counted
    twice in a row (390户1070人); ``made`` the statements so
    far, which a later attribute may rename (…数量); ``parent`` the thing a
    其中 sentence breaks down (政府投资项目 for 其中,新开工项目154个); ``phrases``
    the sentence's phrases without a number so far, whose topic a bare measure
    word takes (持续推进海绵城市建设,… → 海绵城市); ``members`` how many subjects
    the latest 分别 list distributed over (a later bare list of as many numbers,
    增长4.2%、6.7%, distributes over them too).
    """

    line: str
    plain: str
    line_no: int
    section: str
    status_of: Status
    period: str
    subjects: list[str] = field(default_factory=list)
    action: str | None = None
    verb: str | None = None
    counted: str = ""
    tally: str = ""
    unit: str | None = None
    made: list[Statement] = field(default_factory=list)
    members: int = 0
    parent: str = ""
    phrases: list[str] = field(default_factory=list)


def deadline_year(text: str) -> str | None:
    """The year of a deadline the text sets (到2027年, 2026年底前), if any."""
    deadline = _DEADLINE_RE.search(text)
    return (deadline.group(1) or deadline.group(2)) if deadline else None


def in_stock_clause(left: str) -> bool:
    """Whether the words before a number make it a stock or a total (累计, 总量达)."""
    return "累计" in left or _TOTAL_RE.search(left) is not None


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


def build_statement(
    ctx: ClauseContext,
    clause: Span,
    part: Part | None,
    hit: Hit,
    subject: str,
    start: int,
    verb: str | None,
) -> Statement:
    """The statement for ``hit`` named ``subject``; its quote starts at ``start`` (clamped)."""
    measure, value = _measure(hit, verb, subject)
    before = ctx.plain[clause.start : hit.start]
    cumulative = in_stock_clause(before)
    period = ctx.period
    if deadline := _DEADLINE_RE.search(ctx.plain, clause.start, hit.start):
        period = deadline.group(1) or deadline.group(2)
    tally = before.rfind("累计")
    if tally >= 0 and not before[tally + 2 :].startswith(_STOCK_VERBS):
        period = "cumulative" if measure is not Measure.GROWTH else period
    if measure in (Measure.GROWTH, Measure.RANK) and "累计" not in subject:
        cumulative = False  # a rate or a position is no sum, unless it names one
    status = ctx.status_of
    if status is Status.TARGET and part is not None and _is_structure_count(ctx, clause, hit):
        status = Status.ACTUAL
    start = min(max(start, clause.start), hit.number_start)
    return Statement(
        line=ctx.line_no,
        quote=ctx.line[start : hit.end],
        subject=_as_written(subject.strip(), ctx.line),
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
    text = ctx.plain[clause.start : clause.end]
    if any(marker in text for marker in ("力争", "确保", "争取")):
        return False
    right = ctx.plain[hit.end : clause.end]
    left = ctx.plain[clause.start : hit.start]
    return bool(_STRUCTURE_RE.match(right)) or (
        left.endswith(("共计", "合计", "共")) and "指标" in left
    )


def _as_written(subject: str, line: str) -> str:
    """Brackets as the text writes them: the reader works on half-width text, but a
    name written 研究与试验发展（R&D）经费 keeps its full-width brackets."""
    if "(" not in subject or "（" not in line or "(" in line:
        return subject
    return subject.replace("(", "（").replace(")", "）")
