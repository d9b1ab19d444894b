"""Values written in words rather than digits (issue 14, class 7).

* a top band of a ranking, 稳居中部前五 → rank 5, at most;
* a round magnitude with a unit, 突破百万吨 → 100 万吨 at least, 超过千万人次 →
  1000 万人次 (双双超过… states it for each member listed before);
* a structure written as a ratio, 三次产业结构为9:38:53 → the three industries'
  shares of value added, in %;
* units as written: 惠及30万老人 → 万人 (the people counted), 实现税收80亿 → 亿
  (not 亿元: the text does not say 元);
* no change, 指数持平 / 与上年基本持平 → growth 0 (基本: approximately); 增速与省持平
  matches another figure and states no value.

Digits inside quotation marks are names and are skipped by the caller's
``shielded``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planwatch.core.numbers import Qualifier, parse_chinese_integer
from planwatch.core.quantity_words import CN_NUMERAL_CHARS
from planwatch.extract.hit import Hit
from planwatch.extract.records import Measure

_CN = CN_NUMERAL_CHARS
_TOP_BAND = re.compile(
    r"(?P<verb>稳居|位居|居|保持|进入|跻身|位列|稳定在)"
    r"(?P<scope>全国|全省|全市|全区|中部|西部|东部|东北|全球|世界|同类城市)"
    rf"(?P<sub>[^,,;;。前\d{_CN}]{{0,6}}?)前(?P<n>\d+|[{_CN}]+)(?:位|名|强)?(?![\d%{_CN}])"
)
_ROUND = re.compile(
    r"(?P<both>双双)?(?P<q>突破|超过|超|达到|达|迈上|跨过|迈过)"
    r"(?P<n>[十百千])(?P<mag>万|亿)"
    r"(?P<unit>人次|人|吨|辆|户|千瓦|标箱|件|头|只|亩|平方米|册|台|套)"
)
# 与上年持平 is no change; 增速与省持平 matches another figure and is no value.
_FLAT = re.compile(r"(?:[与和同](?P<ref>[^,,;;。与和同]{1,6}?))?(?P<q>基本)?持平")
_SAME_YEAR = re.compile(r"^(?:上年|去年)(?:同期)?(?:水平)?$")
_AT_LEAST = {"突破", "超过", "超", "迈上", "跨过", "迈过"}
TRIGGER = re.compile(r"前[\d" + _CN + r"]|[十百千][万亿]|持平")


def word_value_hits(text: str, base: int, shielded: Callable[[int], bool]) -> list[Hit]:
    """The values of ``text`` written in words; offsets are ``base`` plus positions."""
    hits: list[Hit] = []
    for m in _TOP_BAND.finditer(text):
        if shielded(m.start()):
            continue
        value = float(m["n"]) if m["n"].isdigit() else float(parse_chinese_integer(m["n"]))
        hits.append(
            Hit(
                value,
                None,
                Qualifier.AT_MOST,
                base + m.start("verb"),
                base + m.end(),
                base + m.start("n"),
                measure=Measure.RANK,
                rank_scope=m["scope"] + m["sub"],
            )
        )
    for m in _ROUND.finditer(text):
        if shielded(m.start()):
            continue
        value = float(parse_chinese_integer(m["n"]))
        qualifier = Qualifier.AT_LEAST if m["q"] in _AT_LEAST else Qualifier.EXACT
        unit = m["mag"] + m["unit"]
        hit = Hit(value, unit, qualifier, base + m.start(), base + m.end(), base + m.start("n"))
        hit.both = m["both"] is not None
        hits.append(hit)
    for m in _FLAT.finditer(text):
        if shielded(m.start()) or m.start() == 0:
            continue
        if m["ref"] and not _SAME_YEAR.match(m["ref"]):
            continue
        qualifier = Qualifier.APPROX if m["q"] else Qualifier.EXACT
        start, end = base + m.start(), base + m.end()
        hits.append(Hit(0.0, "%", qualifier, start, end, start, measure=Measure.GROWTH))
    return hits


_PEOPLE_AFTER = re.compile(
    r"(?:名|位)?(?:老人|老年人|人口|群众|居民|农民|学生|儿童|职工|妇女|残疾人|人次|人)"
)
_STRUCTURE = re.compile(
    r"(?P<name>(?:三次)?产业结构(?:比例|比)?)(?:调整)?(?:为|是|达到|优化为)?"
    r"(?P<a>\d+(?:\.\d+)?)[::](?P<b>\d+(?:\.\d+)?)[::](?P<c>\d+(?:\.\d+)?)"
)
_INDUSTRIES = ("第一产业", "第二产业", "第三产业")


def written_unit(text: str, number_start: int, end: int, unit: str | None) -> str | None:
    """The unit as the text writes it: a bare magnitude counting people is in 万人 …;
    a bare 亿 stays 亿 (the number parser reads it as 亿元)."""
    if unit in ("万", "亿", "千") and _PEOPLE_AFTER.match(text, end):
        return unit + "人"
    if unit == "亿元" and "元" not in text[number_start:end]:
        return "亿"
    return unit


def structure_hits(text: str, base: int) -> list[Hit]:
    """三次产业结构为9:38:53: one share per industry, named as such."""
    hits: list[Hit] = []
    for m in _STRUCTURE.finditer(text):
        for group, industry in zip("abc", _INDUSTRIES, strict=True):
            start, end = base + m.start(group), base + m.end(group)
            hit = Hit(float(m[group]), "%", Qualifier.EXACT, start, end, start)
            hit.subject = industry + "增加值比重"
            hit.measure = Measure.LEVEL
            hits.append(hit)
    return hits
