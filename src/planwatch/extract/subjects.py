"""Indicator names from the words around a number.

A clause reads ``<subject><verb><number><unit>`` (工业投资增长16%) or
``<verb><number><classifier><object>`` (新增48家专精特新企业). These helpers
cut the subject out of the text left of a number and the object out of the
text right of it; :mod:`planwatch.extract.members` splits lists of subjects.
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import (
    ACTION_VERBS,
    ATTRIBUTE_NOUNS,
    GENERIC_OBJECTS,
    GENERIC_VERBS,
    GROWTH_DOWN,
    GROWTH_UP,
    LEADING_NOISE,
    LEVEL_VERBS,
    NEW_VERBS,
    PREDICATE_ENDINGS,
    TRAILING_NOISE,
)

_VERBS_BY_LENGTH = tuple(
    sorted({*GROWTH_UP, *GROWTH_DOWN, *NEW_VERBS, *LEVEL_VERBS}, key=len, reverse=True)
)
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d\d年(?:度)?(?:底|末)?|[上去今明]年)")
_LOCATIVE = re.compile(r"(?:在|于)(?:全国|全省|全市|全区|区县|同类).*$")
# 比重较2023年 (提高2个百分点): the year compared with is no part of the name.
_COMPARISON_TAIL = re.compile(
    r"(?:较|比|同比)(?:上年|去年|年初|(?:19|20)\d\d年)(?:同期|末|底|初)?$"
)
# 按可比价格计算, 按年均汇率折算为: how the number was computed, not what it is.
_MEASURED_BY = re.compile(r"^按[^,,;;]{1,12}?(?:计算|折算)")
# 是全国首个 / 成为全区第四个 (突破2000亿元的地区): a claim about the holder, not a name.
_ORDINAL_CLAIM = re.compile(
    r"^(?:是|成为)(?:全国|全省|全市|全区|全县)?(?:首个|第[\d一二三四五六七八九十]+个)$"
)
_FILLERS = re.compile(r"各类|各项|各种|系列")
# Terms opening with a word that elsewhere only opens a clause (实现 of 实现程度).
_TERMS = ("实现程度",)
_CLAUSE_PIECE = re.compile(r"[,,、;;。]")
_PHRASE_END = re.compile(r"[,,、;;。]|及")
_PHRASE_NOISE = re.compile(r"^(?:均|全部)|(?:19|20)\d\d年度?|不同程度")
# A state rather than an action: 高于预期的指标, but 获批…企业.
_VERDICT_LEAD = re.compile(r"^(?:均|全部)")
_STATE = re.compile(r"(?:高于|低于|好于|达到|超过|暂无|未|不)")
_MODAL = re.compile(r"(?<![主重需必纲])(?:要|将|力争|确保|争取)(?:实现|达到)?")
_OBJECT_STOP = re.compile(
    r"(全部|均|已|分别|获评|获批|获准|获|实现|完成|建成|投用|入选|上榜|通过|进入|开工|完工|"
    r"建立|跻身|的|达|增长|投资完成|[,,、;;。])"
)


def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


_LEADING = _by_length(LEADING_NOISE)
_TRAILING_VERBS = _by_length(_VERBS_BY_LENGTH)
_TRAILING_NOISE = _by_length(TRAILING_NOISE)
_ACTIONS = _by_length(ACTION_VERBS)


def _affix(text: str, table: tuple[tuple[int, frozenset[str]], ...], *, end: bool) -> str | None:
    """The longest word of ``table`` that ``text`` starts (or ends) with."""
    for n, words in table:
        if len(text) >= n and (text[-n:] if end else text[:n]) in words:
            return text[-n:] if end else text[:n]
    return None


def strip_leading(text: str) -> tuple[int, str]:
    """Drop connectives, adverbs and a year from the front; return (chars dropped, rest)."""
    dropped = 0
    while text:
        year = _YEAR_PREFIX.match(text)
        word = text[: year.end()] if year else _affix(text, _LEADING, end=False)
        if not word or text.startswith(_TERMS):
            break
        dropped, text = dropped + len(word), text[len(word) :]
    return dropped, text


def strip_trailing(text: str) -> tuple[str, str | None]:
    """Drop verbs and adverbs from the end; return (rest, the verb nearest the number)."""
    verb: str | None = None
    while text:
        word = _affix(text, _TRAILING_VERBS, end=True)
        if word is not None:
            verb = verb or word
        else:
            word = _affix(text, _TRAILING_NOISE, end=True)
            if word is None or (word == "总量" and 2 < len(text) <= 4):
                break  # 经济总量 is a name, 工业总量 a …总量 of 工业
        text = text[: -len(word)]
    return text, verb


def nearest_verb(text: str) -> str | None:
    """The growth, decline, 新增 or level verb that ends nearest the end of ``text``."""
    best: tuple[int, int, str] | None = None
    for word in _VERBS_BY_LENGTH:
        pos = text.rfind(word)
        if pos >= 0:
            key = (pos + len(word), len(word), word)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def leading_action(text: str) -> str | None:
    """The action verb the text opens with (新增, 实施, 获 …), if any."""
    verb = _affix(text, _ACTIONS, end=False)
    return verb if verb is not None and len(text) > len(verb) else None


def base_name(subject: str) -> str:
    """A stock's name from a flow's: 新增海绵城市达标面积 → 海绵城市达标面积.

    Only verbs of novelty (新增, 新培育, 净增 …) go; 获评全市“双百”企业 keeps 获评.
    """
    verb = leading_action(subject)
    return subject[len(verb) :] if verb and verb.startswith(("新", "净")) else subject


def cut_locative(text: str) -> str:
    """Drop a trailing place phrase or year compared with, a leading way of computing
    (按…计算) and a leading actor with a modal verb.

    一般公共预算收入在全市区县率先 → 一般公共预算收入; 肇庆市要实现GDP → GDP;
    是全国首个 (突破13万亿元的省份) → "".
    """
    text = _COMPARISON_TAIL.sub("", _LOCATIVE.sub("", _MEASURED_BY.sub("", text)))
    text = _ORDINAL_CLAIM.sub("", text)
    ends = [m.end() for m in _MODAL.finditer(text)]
    if ends and len(text) - ends[-1] >= 2:
        text = text[ends[-1] :]
    return drop_examples(text)


def object_after(text: str) -> str:
    """The counted object right of a number: 个涉涪…项目投资完成率 stops before its verb.

    Empty when the text right of the number opens with a separator or a closing
    bracket (the number ended its own phrase), or with 的 (it qualifies a noun:
    突破13万亿元的省份).
    """
    if not text or text[0] in ",,、;;。)的":
        return ""
    m = _OBJECT_STOP.search(text, 1)
    return drop_examples((text[: m.start()] if m else text).strip())


def drop_examples(name: str) -> str:
    """Remove an example list before 等: 新增“江边小筑”“瞧院”等消费新场景 → 新增消费新场景."""
    for marker in ("等地", "等"):
        if marker in name:
            before, after = name.rsplit(marker, 1)
            if len(after) >= 2 and not after.startswith(("级", "次", "同")):
                return (leading_action(before) or "") + after
    return name


def drop_generic(subject: str) -> str:
    """Drop a generic opening verb (实施, 完成 …) with its complement 好, fillers (各类) and
    dangling connectives.

    Names that are indicators in their own right (完成投资, 完成率) keep the verb.
    """
    subject = _FILLERS.sub("", subject.rstrip("、和"))
    for verb in GENERIC_VERBS:
        rest = subject[len(verb) :]
        if subject.startswith(verb) and len(rest) >= 2 and not rest.startswith(("投资", "率")):
            # 实施好援建项目: 好 completes the verb, not the object.
            return rest[1:] if rest.startswith("好") and len(rest) > 3 else rest
    return subject


def last_phrase(name: str) -> str:
    """The phrase after a finished clause joined by 、: 改革扎实推进、亩均税收 → 亩均税收.

    A bare measure word left so (…整治、整治率) takes the finished clause's topic
    later (:func:`planwatch.extract.carried.with_topic`).
    """
    head, sep, tail = name.rpartition("、")
    if sep and tail and head.endswith(PREDICATE_ENDINGS):
        return tail
    return name


def counted_object(right: str) -> tuple[str, int]:
    """The object counted by a number and how many characters of ``right`` it spans.

    A generic object takes the outcome that follows it, in the text's order and
    words: 4家企业获批市级创新型中小企业 → 企业获批市级创新型中小企业; 7项工作获
    市政府督查激励 → 工作获市政府督查激励; a state joins with 的: 8项指标不同程度
    低于预期 → 低于预期的指标. The phrase ends at a clause mark or 及.
    """
    thing = object_after(right)
    if not thing:
        return "", 0
    if thing.startswith("指标"):
        thing = "指标"
    end = right.find(thing) + len(thing)
    if thing in GENERIC_OBJECTS:
        raw = _PHRASE_END.split(right[end:], maxsplit=1)[0]
        if _STATE.match(phrase := _PHRASE_NOISE.sub("", raw)) and len(phrase) >= 2:
            return phrase + "的" + thing, end + len(raw)
        outcome = _VERDICT_LEAD.sub("", raw)
        if len(outcome) >= 2:
            return thing + outcome, end + len(raw)
    if selected := _SELECTED.match(right, end):
        return _built(thing) + selected.group(0), selected.end()
    return _built(thing), end


# Outcomes that select the things counted (6个“一件事”进入区县“一本账”): kept, in text order.
_SELECTED = re.compile(r"(?:进入|入选|上榜|获评|获批|获准|跻身)[^,,、;;。及]+")


def _built(thing: str) -> str:
    """A count of things built is named by the things: 65个视联网点位建设 → 视联网点位
    (建设 is a generic verb, no part of what is counted); a quoted name is the thing,
    the words qualifying it go: 3个市民家门口“口袋公园” → “口袋公园”."""
    if thing.endswith("”") and not thing.startswith("“") and thing.count("“") == 1:
        return thing[thing.index("“") :]
    return thing.removesuffix("建设") if len(thing) > 4 else thing


def within_parent(subject: str, parent: str) -> str:
    """A part named by its kind only takes the whole's qualifiers: under 政府投资项目,
    新开工项目 → 新开工政府投资项目.

    Applies when both end in the same two-character head noun, the part names
    its kind in at most three characters (新开工, 续建) and does not already
    name the whole.
    """
    head = parent[-2:]
    if len(parent) <= 2 or not subject.endswith(head) or parent in subject:
        return subject
    if len(subject) > len(head) + 3:
        return subject  # a kind named at length (交通通信价格) needs no whole
    if subject[: -len(head)].endswith("业"):
        return subject  # 其中,农业产值…: an industry names its own part of the whole
    return subject[: -len(head)] + parent


def holder_of(subject: str) -> str:
    """What an attribute belongs to: 区级重点项目完成投资 → 区级重点项目."""
    for noun in sorted(ATTRIBUTE_NOUNS, key=len, reverse=True):
        if subject.endswith(noun) and len(subject) > len(noun):
            return subject[: -len(noun)]
    return subject
