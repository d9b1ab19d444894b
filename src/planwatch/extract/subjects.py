"""Indicator names from the words around a number.

A clause reads ``<subject><verb><number><unit>`` (工业投资增长16%) or
``<verb><number><classifier><object>`` (新增48家专精特新企业). These helpers
cut the subject out of the text left of a number and the object out of the
text right of it, and split lists such as ``基本养老保险、基本医疗保险参保率``
into one name per member.
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import (
    ACTION_VERBS,
    GENERIC_VERBS,
    GROWTH_DOWN,
    GROWTH_UP,
    LEADING_NOISE,
    LEVEL_VERBS,
    NEW_VERBS,
    PREDICATE_ENDINGS,
    SHARED_HEADS,
    TRAILING_NOISE,
)

_VERBS_BY_LENGTH = tuple(
    sorted({*GROWTH_UP, *GROWTH_DOWN, *NEW_VERBS, *LEVEL_VERBS}, key=len, reverse=True)
)
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d\d年(?:度)?(?:底|末)?|[上去今明]年)")
_LOCATIVE = re.compile(r"(?:在|于)(?:全国|全省|全市|全区|区县|同类).*$")
_OBJECT_STOP = re.compile(
    r"(全部|均|已|获评|获批|获准|获|实现|完成|建成|投用|入选|上榜|通过|进入|开工|完工|"
    r"建立|跻身|的|达|增长|投资完成|[,,、;;。])"
)


def strip_leading(text: str) -> tuple[int, str]:
    """Drop connectives, adverbs and a year from the front; return (chars dropped, rest)."""
    dropped = 0
    changed = True
    while changed and text:
        changed = False
        year = _YEAR_PREFIX.match(text)
        if year:
            dropped, text, changed = dropped + year.end(), text[year.end() :], True
            continue
        for word in LEADING_NOISE:
            if text.startswith(word):
                dropped, text, changed = dropped + len(word), text[len(word) :], True
                break
    return dropped, text


def strip_trailing(text: str) -> tuple[str, str | None]:
    """Drop verbs and adverbs from the end; return (rest, the verb nearest the number)."""
    verb: str | None = None
    changed = True
    while changed and text:
        changed = False
        for word in (*_VERBS_BY_LENGTH, *TRAILING_NOISE):
            if text.endswith(word) and len(text) >= len(word):
                if verb is None and word not in TRAILING_NOISE:
                    verb = word
                text, changed = text[: -len(word)], True
                break
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
    return next((v for v in ACTION_VERBS if text.startswith(v) and len(text) > len(v)), None)


def base_name(subject: str) -> str:
    """A subject without its opening action verb: 新增海绵城市达标面积 → 海绵城市达标面积."""
    verb = leading_action(subject)
    return subject[len(verb) :] if verb else subject


def cut_locative(text: str) -> str:
    """Drop a trailing place phrase: 一般公共预算收入在全市区县率先 → 一般公共预算收入."""
    return drop_examples(_LOCATIVE.sub("", text))


def object_after(text: str) -> str:
    """The counted object right of a number: 个涉涪…项目投资完成率 stops before its verb.

    Empty when the text right of the number opens with a separator (the number
    ended its own phrase).
    """
    if not text or text[0] in ",,、;;。":
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


def split_list(text: str, count: int) -> list[str]:
    """Split a list of ``count`` subjects; members lacking the shared head receive it.

    ``基本养老保险、基本医疗保险参保率`` → both …参保率; ``教育、社会保障和就业等重点支出``
    → 教育支出, 社会保障和就业支出. Returns ``[]`` when the text does not hold
    exactly ``count`` members.
    """
    parts = [p for p in text.split("、") if p]
    if len(parts) != count:
        for joiner in ("和", "及", "与"):
            alt = [p for p in re.split(rf"[、{joiner}]", text) if p]
            if len(alt) == count:
                parts = alt
                break
    if len(parts) != count:
        return []
    last = parts[-1]
    if "等" in last:
        core, rest = last.split("等", 1)
        head = next((h for h in SHARED_HEADS if rest.endswith(h)), "")
        parts[-1] = core + head
        return [p if p.endswith(head) else p + head for p in parts]
    head = next((h for h in SHARED_HEADS if last.endswith(h) and last != h), "")
    if head and len(last) > len(parts[0]):
        return [p if any(p.endswith(h) for h in SHARED_HEADS) else p + head for p in parts]
    return parts


def drop_generic(subject: str) -> str:
    """Drop a generic opening verb (实施, 完成 …) and dangling connectives.

    Names that are indicators in their own right (完成投资, 完成率) keep the verb.
    """
    subject = subject.rstrip("、和及与")
    for verb in GENERIC_VERBS:
        rest = subject[len(verb) :]
        if subject.startswith(verb) and len(rest) >= 2 and not rest.startswith(("投资", "率")):
            return rest
    return subject


def last_phrase(name: str) -> str:
    """The phrase after a finished clause joined by 、: 改革扎实推进、亩均税收 → 亩均税收."""
    head, sep, tail = name.rpartition("、")
    if sep and tail and head.endswith(PREDICATE_ENDINGS):
        return tail
    return name
