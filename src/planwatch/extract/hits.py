"""Numbers of a clause that state something: quantities, ranks, word numbers, qualitative targets.

A *hit* is a candidate statement value before its subject is known. Numbers that
are part of a name or label are dropped here: digits inside quotation marks or
book-title marks (“1+3+6+N”, 《…2024—2027年》), ordinals after 第 that are not
ranks, years, and numbers without a unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planwatch.core.numbers import (
    Qualifier,
    Quantity,
    find_quantities,
    parse_chinese_integer,
)
from planwatch.core.quantity_words import CN_NUMERAL_CHARS
from planwatch.extract.hit import Hit
from planwatch.extract.labels import is_campaign, is_grade, is_named_class, is_span
from planwatch.extract.qualitative import QUALITATIVE_TRIGGER, qualitative_hits
from planwatch.extract.records import Measure
from planwatch.extract.sentences import Span
from planwatch.extract.word_values import TRIGGER as WORD_VALUE_TRIGGER
from planwatch.extract.word_values import structure_hits, word_value_hits, written_unit

_CN = CN_NUMERAL_CHARS
_RANK_RE = re.compile(
    r"(?P<verb>位居|位列|排名|居|列|保持|排)?"
    r"(?P<scope>全球|世界|全国|全省|全市|全区|全县|全州|全盟|西部|中西部|同类城市|区县|主城区"
    rf"|[{_CN}]城区)(?P<sub>[^,。;、第]{{0,6}}?)"
    rf"(?:第(?P<n>\d+|[{_CN}]+)(?P<suffix>位|名)?(?![\d{_CN}个户家项批届次年期])|(?P<first>首位))"
)
# 居第14位: a rank whose scope was named before (全国排名…、居第14位).
_BARE_RANK_RE = re.compile(rf"(?P<verb>位居|位列|居|升至|上升至)第(?P<n>\d+|[{_CN}]+)(?:位|名)")
_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6}
_WORD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(双)?翻(一)?番"), "double"),
    (re.compile(rf"以下(?P<n>[{_CN}]+)个方面"), "aspects"),
    (re.compile(rf"连续(?P<n>[{_CN}]+)年"), "years"),
    (re.compile(r"(动态)?(清零|为零)"), "zero"),
    (re.compile(r"(?P<n>[ⅠⅡⅢⅣⅤⅥ])类"), "roman"),
    # 8大技术应用场景: 大 counts major items after an Arabic numeral.
    (re.compile(r"(?<![\d.])(?P<n>\d+)大(?=[\u4e00-\u9fff]{2})"), "major"),
    # 晋升为全区第7户百亿级企业: the newcomer is the 7th, so there are 7.
    (
        re.compile(
            r"(?:成为|晋升为|升级为|跻身为)(?:全国|全省|全市|全区|全县)?第(?P<n>\d+)"
            r"(?P<unit>户|家|个|所|座)(?P<thing>[^,,。;;、]{2,12})"
        ),
        "ordinal",
    ),
    (
        re.compile(
            rf"(?<![\d.{_CN}])(?P<q>突破|超过|跨过|迈过|超|达到|达)?(?P<n>[十百千]?万亿|[十百千]?亿|[十百千]?万)"
            r"(?P<tail>大关|元)"
        ),
        "magnitude",
    ),
)
_WORD_TRIGGER = re.compile(r"番|方面|连续|零|[ⅠⅡⅢⅣⅤⅥ]|[万亿](?:大关|元)|\d大|第\d+[户家个所座]")
# Every kind of hit needs one of these; clauses without any are skipped fast.
_TRIGGER = re.compile(
    r"\d|翻|清零|为零|首位|第|前|持平|[万亿]|[ⅠⅡⅢⅣⅤⅥ]|正增长|同步|为准|连续|个方面"
    r"|稳步|持续|逐步|有所|下达"
)
# 亿元以上项目, 千万元级企业: a magnitude without digits that grades things is a label;
# so is one with neither a numeral, nor a verb of reaching, nor 大关 (万元地区生产总值能耗).
_MAGNITUDE_LABELS = ("级", "以上", "以下", "量级")
_LIST_JOINS = ("、", "和")
# 158203元/人, 6075公斤/公顷: a rate per some unit.
# 自然增长率为-3.93‰: a minus sign after a word, not between two numbers.
_NEGATIVE = re.compile(r"[^\d.]-(?=\d)|^-(?=\d)")
# 城乡居民收入比缩小至2.05: a ratio has no unit.
_RATIO_BEFORE = re.compile(r"收入比(?:值)?(?:缩小至|缩小到|缩小为|缩至|降至|下降至|为|是|达)?$")
_PER_UNIT = re.compile(r"/(?:人|户|亩|公顷|平方米|吨|年|日|天|小时)")
_NOT_UNITS_AFTER = ("号", "期", "届", "版", "级", "强", "代", "批")


def _shielded(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》 or "…" where digits belong to names."""
    spans = []
    for m in re.finditer(r"“[^”]*”|《[^》]*》|\"[^\"]*\"|「[^」]*」", text):
        spans.append((m.start(), m.end()))
    return spans


def find_hits(clause: Span) -> list[Hit]:
    """Every statement value of ``clause``, in reading order.

    ``clause.text`` must already be half-width (:func:`to_halfwidth`); offsets
    of the hits are ``clause.start`` plus positions in that text.
    """
    text = clause.text
    if not _TRIGGER.search(text):
        return []
    base = clause.start
    shields = _shielded(text)

    def shielded(pos: int) -> bool:
        return any(a < pos < b for a, b in shields)

    hits: list[Hit] = []
    quantities = find_quantities(text)
    for index, q in enumerate(quantities):
        unit = q.unit or _shared_unit(text, quantities, index)
        ratio = unit is None and _RATIO_BEFORE.search(text, 0, q.number_start) is not None
        if (unit is None and not ratio) or shielded(q.number_start):
            continue
        end, value, number_start = q.end, q.value, q.number_start
        if unit and (per := _PER_UNIT.match(text, end)):
            unit, end = unit + per.group(0), per.end()
        if _NEGATIVE.match(text, max(0, number_start - 2)) and number_start == q.start:
            value, number_start = -value, number_start - 1
        before = text[: q.number_start]
        if before.endswith("第") or text[q.end : q.end + 1] in _NOT_UNITS_AFTER:
            continue
        if is_span(text, q.start, q.number_start, unit) or is_grade(text, q.number_start, end):
            continue
        unit = written_unit(text, q.number_start, end, unit)
        # 增长4%–4.5%: at least the lower bound, up to the upper.
        at_least = q.upper is not None and q.qualifier is Qualifier.EXACT
        hits.append(
            Hit(
                value,
                unit,
                Qualifier.AT_LEAST if at_least else q.qualifier,
                base + min(q.start, number_start),
                base + end,
                base + number_start,
                q.upper,
            )
        )
    ranked = "第" in text or "首位" in text
    for m in [*_RANK_RE.finditer(text), *_BARE_RANK_RE.finditer(text)] if ranked else ():
        if shielded(m.start()):
            continue
        groups = m.groupdict()
        n = groups.get("n") or "1"
        value = float(n) if n.isdigit() else float(parse_chinese_integer(n))
        start = m.start("verb") if groups.get("verb") else m.start("scope")
        hits.append(
            Hit(
                value,
                None,
                Qualifier.EXACT,
                base + start,
                base + m.end(),
                base + (m.start("n") if groups.get("n") else m.start("first")),
                measure=Measure.RANK,
                rank_scope=(groups.get("scope") or "") + (groups.get("sub") or ""),
            )
        )
        hits.extend(_listed_ranks(text, m.end(), base, hits[-1]))
    if _WORD_TRIGGER.search(text):
        hits.extend(_word_hits(text, base, shielded))
    if WORD_VALUE_TRIGGER.search(text):
        hits.extend(word_value_hits(text, base, shielded))
    if ":" in text or ":" in text:
        hits.extend(structure_hits(text, base))
    if QUALITATIVE_TRIGGER.search(text):
        hits.extend(qualitative_hits(text, base))
    hits.sort(key=lambda h: h.number_start)
    return _drop_overlaps(hits)


_LISTED_RANK = re.compile(rf"、第(?P<n>\d+|[{_CN}]+)(?:位|名)?")


def _listed_ranks(text: str, end: int, base: int, first: Hit) -> list[Hit]:
    """分别居全国第二、第五位: the ranks listed after the first share its scope."""
    listed = []
    while m := _LISTED_RANK.match(text, end):
        n = m.group("n")
        value = float(n) if n.isdigit() else float(parse_chinese_integer(n))
        start, end = base + m.start() + 1, m.end()
        hit = Hit(value, None, Qualifier.EXACT, start, base + end, base + m.start("n"))
        hit.measure, hit.rank_scope = Measure.RANK, first.rank_scope
        listed.append(hit)
    return listed


def _shared_unit(text: str, quantities: list[Quantity], index: int) -> str | None:
    """快于序时进度9.4、23.4个百分点: a bare number listed before a number with a unit
    shares its unit (the list members in between, if any, share it too)."""
    for q, following in zip(quantities[index:], quantities[index + 1 :], strict=False):
        if text[q.end : following.number_start] not in _LIST_JOINS:
            return None
        if following.unit is not None:
            return following.unit
    return None


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in hits:
        if kept and hit.number_start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _word_hits(text: str, base: int, shielded: Callable[[int], bool]) -> list[Hit]:
    hits: list[Hit] = []
    for pattern, kind in _WORD_PATTERNS:
        for m in pattern.finditer(text):
            if shielded(m.start()):
                continue
            hit = _word_hit(m, kind, text, base)
            if hit is not None:
                hits.append(hit)
    return hits


def _word_hit(m: re.Match[str], kind: str, text: str, base: int) -> Hit | None:
    start, end = base + m.start(), base + m.end()
    if kind == "double":
        return Hit(100.0, "%", Qualifier.AT_LEAST, start, end, start, measure=Measure.GROWTH)
    if kind == "zero":
        if is_campaign(text, m.end()):
            return None
        hit = Hit(0.0, "个", Qualifier.EXACT, start, end, start, measure=Measure.LEVEL)
        hit.counter_from_subject = True
        return hit
    if kind == "major":
        return Hit(float(m.group("n")), "个", Qualifier.EXACT, start, end, base + m.start("n"))
    if kind == "ordinal":
        number = base + m.start("n")
        hit = Hit(float(m.group("n")), m.group("unit"), Qualifier.EXACT, start, end, number)
        hit.subject = m.group("thing")
        return hit
    if kind == "roman":
        if is_named_class(text, m.end()):
            return None
        return Hit(float(_ROMAN[m.group("n")]), "类", Qualifier.EXACT, start, end, start)
    if kind == "magnitude":
        words = m.group("n")
        numeral = words.rstrip("万亿")
        bare = not (numeral or m.group("q") or m.group("tail") == "大关")
        if text.startswith(_MAGNITUDE_LABELS, m.end()) or bare:
            return None
        magnitude = words[len(numeral) :]
        qualifier = (
            Qualifier.AT_LEAST
            if m.group("q") in {"突破", "超过", "跨过", "迈过", "超"}
            else Qualifier.EXACT
        )
        value = float(parse_chinese_integer(numeral or "一"))
        return Hit(value, magnitude + "元", qualifier, start, end, base + m.start("n"))
    unit = "个" if kind == "aspects" else "年"
    value = float(parse_chinese_integer(m.group("n")))
    return Hit(value, unit, Qualifier.EXACT, start, end, base + m.start("n"))
