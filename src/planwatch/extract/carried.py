"""Names carried from earlier statements and clauses of the sentence.

A rank (居全市第3), a run (连续5年), or an attribute (完成投资, 到位资金) names
no holder of its own: it takes the subject stated before it. An attribute
leaves the count of its holder as the text names it (89个区级重点项目).

A bare measure word (整治率, 达标面积占比, 签约项目, 运输时长) names no thing
either: it takes the *topic* of the sentence, the object of the work an
earlier phrase undertakes (持续推进海绵城市建设,达标面积占比提升5个百分点 →
海绵城市达标面积占比), or the thing an earlier phrase says something of
(…班列常态化运营、运输时长缩短10天 → …班列运输时长).
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import (
    ATTRIBUTE_NOUNS,
    COUNT_UNITS,
    GENERIC_OBJECTS,
    HEADLESS_MODIFIERS,
    MEASURE_HEADS,
    PREDICATE_ENDINGS,
    UNDERTAKING_VERBS,
)
from planwatch.extract.names import without_postposed_verb
from planwatch.extract.records import Measure
from planwatch.extract.sentences import Span
from planwatch.extract.statement_fields import ClauseContext
from planwatch.extract.subjects import base_name, holder_of, strip_leading

# The work itself (建设, 工作) or its quality (质效, 水平) is not part of the topic;
# a process that a rate measures (整治, 改造) is, and merges with it (…整治 + 整治率).
_WORK_TAIL = re.compile(r"(?:建设|工作|质效|水平|质量|行动|战略|工程)$")
_PROCESS_TAIL = re.compile(r"(?:整治|改造|治理|更新|修复|改革)$")
# Verbs that carry out an activity: their object is the topic even without a work
# noun (推进招商引资); verbs that improve a thing (完善…体系) need one.
_ACTIVITY_VERBS = re.compile(r"推进|推动|开展|实施|抓好|做好")
_PREDICATE_TAIL = re.compile(
    r"(?:常态化|全面|加快|顺利|稳步|持续)?(?:" + "|".join(PREDICATE_ENDINGS) + ")$"
)
_MODIFIERS = "|".join(sorted({*HEADLESS_MODIFIERS, *GENERIC_OBJECTS}, key=len, reverse=True))
_COMPLETION = re.compile(r"(?:完成|达到)(?P<what>.{0,8}(?:目标|任务|计划))的?")
_HEADLESS = re.compile(f"(?:{_MODIFIERS})*(?:{'|'.join(MEASURE_HEADS)})")


_CROP_AREA = re.compile(r"(?:种植|播种|种养)(?:面积|规模)$")


def holder_for(previous: str) -> str:
    """What the previous subject counted, as the text named it (新签约招商引资项目 …
    到位资金 → 新签约招商引资项目到位资金).

    Nothing when the previous subject is itself a bare attribute (协议资金、到位资金).
    """
    if previous in ATTRIBUTE_NOUNS:
        return ""
    holder = without_postposed_verb(holder_of(previous))
    crop = _CROP_AREA.sub("", holder)  # 油菜种植面积…,产量…: the crop's output
    return crop if len(crop) >= 2 else holder


def attribute_subject(ctx: ClauseContext, name: str, previous: str, glued: bool) -> str:
    """An attribute noun named with its holder: the thing just counted, else the previous holder.

    A bare 完成率 after 完成投资 is the 投资完成率. After a headless count that took
    the sentence's topic (签约项目 of 招商引资), the attribute is the topic's.
    """
    holder = ctx.counted if glued and ctx.counted else holder_for(previous)
    topic = sentence_topic(ctx) if ctx.phrases else ""
    if topic and previous.startswith(topic) and is_headless(previous[len(topic) :]):
        holder = topic
    if name == "完成率" and previous.endswith("完成投资"):
        name = "投资完成率"
    return holder + name


def attribute_list(names: list[str], subjects: list[str]) -> list[str]:
    """Members that are all bare attributes (增加值、利润总额) share the holder of the
    last subject stated before them that is not a rank."""
    previous = next((s for s in reversed(subjects) if not s.endswith("排名")), "")
    if not previous or not all(name in ATTRIBUTE_NOUNS for name in names):
        return names
    holder = holder_for(previous)
    return [holder + name for name in names]


def run_subject(noun: str, right: str, previous: str, counted: str = "年数") -> tuple[str, str]:
    """连续5年下降: the name of the run length, and the subject that holds the run.

    ``命案发案连续五年下降`` → 命案发案连续下降年数; with no noun before 连续 the
    run is named by what follows (连续五年未发生…事故 → 未发生…事故连续年数).
    """
    noun = noun.rpartition("、")[2] if noun.endswith("、") or "、" not in noun else noun
    noun = noun.rstrip("、")
    if noun in {"总量", "数量", "规模"}:
        noun = base_name(previous) + noun
    phrase = re.split(r"[,,、;;。]", right.strip(), maxsplit=1)[0]
    if not noun and previous and phrase.startswith(("居", "位居", "保持", "稳定")):
        noun = base_name(previous)
    if noun:
        return noun + "连续" + phrase + counted, noun
    return phrase + "连续" + counted, previous


def rank_subject(ctx: ClauseContext, name: str, previous: str, scope: str) -> str:
    """居全市第3 ranks the previous subject unless the clause names another one; right
    after a growth it ranks the growth rate."""
    if "、" in name:
        head, _, tail = name.rpartition("、")
        name = head + tail if tail in {"数量", "规模", "总量"} else tail
    if name in {"数量", "规模", "总量", "增量"}:
        # 材料产业产值…、占全市比重…,规模居全市第1: the 规模 of 材料产业.
        base = base_name(previous).partition("占")[0]
        name = (holder_of(base) if name == "规模" else base) + name
    if name in {"增速", "增幅"} and previous:
        # 规上工业增加值增长8.7%,增速居全省第2: the rate of the growth just stated.
        name = previous + name
    previous = previous.partition("较")[0]  # 增速高于全省…,排名全省第3: the rate's rank
    if not name and ctx.made and ctx.made[-1].measure is Measure.GROWTH:
        name = previous.removesuffix("增速") + "增速"  # 增长7.3%、居全国第3: the rate ranks
    if not name:
        base = base_name(previous)
        if ctx.unit in COUNT_UNITS:  # 总量达12个、居全市第2: the number of things ranks
            base = base.removesuffix("总量")
            base += "" if base.endswith("数量") else "数量"
        name = base
    return name + scope + "排名"


def sentence_topic(ctx: ClauseContext) -> str:
    """The topic of the sentence so far: that of the latest phrase without a number that
    names one (a phrase naming none leaves the earlier topic standing)."""
    return next((t for phrase in reversed(ctx.phrases) if (t := clause_topic(phrase))), "")


def clause_topic(phrase: str) -> str:
    """The thing a phrase without a number works on or speaks of; "" when it names none.

    ``持续推进海绵城市建设`` → 海绵城市; ``开展存量管网缺陷整治`` → 存量管网缺陷整治;
    ``提升招商引资质效`` → 招商引资; ``全面推进招商引资`` → 招商引资; ``…班列常态化运营``
    → …班列. A phrase that neither opens with a verb of undertaking and ends in
    its work or process, nor carries out an activity, nor ends in a predicate,
    names no topic (持续完善跑道体系, 全面实战).
    """
    if re.search(r"[\d、“”]", phrase):
        return ""
    dropped, rest = strip_leading(phrase.strip())
    verb = next((v for v in UNDERTAKING_VERBS if rest.startswith(v)), "")
    while verb:
        dropped, rest = dropped + len(verb), rest[len(verb) :]
        verb = next((v for v in UNDERTAKING_VERBS if rest.startswith(v)), "")
    if dropped and (work := _WORK_TAIL.search(rest)):
        topic = rest[: work.start()]
    elif dropped and (
        _PROCESS_TAIL.search(rest) or _ACTIVITY_VERBS.search(phrase.strip()[:dropped])
    ):
        topic = rest
    elif not dropped and (predicate := _PREDICATE_TAIL.search(rest)):
        topic = rest[: predicate.start()]
    else:
        return ""
    return topic if len(topic) >= 2 else ""


def is_headless(subject: str) -> bool:
    """Whether a name is only a measure word with generic modifiers (整治率, 达标面积占比,
    签约项目, 村占比, 到位资金), naming no thing of its own."""
    return _HEADLESS.fullmatch(subject) is not None


def process_holder(previous: str, subject: str) -> str:
    """The previous name when it ends in the process a headless name opens with:
    老旧小区改造 for 改造完成率; "" otherwise."""
    return previous if previous and _overlap(previous, subject) else ""


def _overlap(topic: str, subject: str) -> int:
    """How many characters the end of ``topic`` shares with the start of ``subject`` (≥ 2)."""
    for size in range(min(len(topic), len(subject) - 1), 1, -1):
        if topic.endswith(subject[:size]):
            return size
    return 0


def with_topic(subject: str, topic: str) -> str:
    """A headless name with the topic it measures: 海绵城市 + 达标面积占比; a topic ending
    in the process the name opens with shares it (…缺陷整治 + 整治率 → …缺陷整治率)."""
    if not topic or not is_headless(subject) or subject.startswith(topic):
        return subject
    size = _overlap(topic, subject)
    return (topic[:-size] if size else topic) + subject


def held_name(name: str, previous: str, before: str, ctx: ClauseContext, unit: str | None) -> str:
    """A name that only makes sense with the subject stated before it, completed; "" for
    other names. ``before`` is the clause up to the number.

    对经济增长的贡献率, 贡献率 and 总数 take the previous subject (第二产业增加值…);
    完成年度目标的 (120%) is its 年度目标完成率; under 其中, 城镇居民 (45800元) is the
    城镇居民人均可支配收入 of the 居民人均可支配收入 stated before.
    """
    if previous and (name.startswith("对") or name in ("贡献率", "总数")):
        return base_name(previous) + name
    if previous and (done := completion_name(name, unit)):
        return previous + done
    if "其中" in before and (part := part_of_whole(name, ctx.subjects)) != name:
        return part
    return ""


def completion_name(name: str, unit: str | None) -> str:
    """完成年度目标的 (120%) → 年度目标完成率: the share of a target reached; "" for
    other names."""
    m = _COMPLETION.fullmatch(name)
    return m.group("what") + "完成率" if m and unit == "%" else ""


def part_of_whole(name: str, wholes: list[str]) -> str:
    """其中城镇居民45800元 after 居民人均可支配收入: a part named by a qualifier of the
    whole's opening word is that qualifier + the whole; ``name`` itself otherwise.
    ``wholes`` are the subjects stated before, latest last."""
    if len(name) < 3:
        return name
    whole = next((w for w in reversed(wholes) if w.startswith(name[-2:]) and w != name), "")
    return name[:-2] + whole if len(whole) > 2 else name


def threshold_before(ctx: ClauseContext, clause: Span, position: int) -> str:
    """收入20万元以上村占比: a number glued to the words after it is a threshold of
    their thing; returns the previous statement's quote, or "" when a mark separates them."""
    if position <= clause.start or not ctx.made or ctx.plain[position] in ",,、;;和及":
        return ""
    quote = ctx.made[-1].quote
    return quote if ctx.line.endswith(quote, clause.start, position) else ""


def events_after_things(before: str | None, unit: str | None) -> bool:
    """建成社区食堂32家、助餐服务3万余次: a count of events does not take the verb of things."""
    if unit is None or before is None:
        return False
    return unit.endswith("次") and not before.endswith("次")
