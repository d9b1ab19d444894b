"""Targets stated without a number (issue 14, class 10): value null, the words kept.

* 进出口总额实现正增长 → growth 0, at least, text 正增长;
* 城乡居民收入增长与经济增长同步 → growth, text 与经济增长同步;
* 节能减排指标以市上下达为准, 完成省下达的节能减排任务 → the text itself;
* a direction without an amount, 生态环境质量稳步提升, 单位GDP能耗持续下降 →
  the text itself. A review says such things of the past as description, so
  these are targets only (``target_only``: the clause reader drops them in
  sentences that are not targets).
"""

from __future__ import annotations

import re

from planwatch.core.numbers import Qualifier
from planwatch.extract.hit import Hit
from planwatch.extract.records import Measure

_GIVEN = r"(?:市上|上级|国家|省|市|省上|中央)?(?:下达|分解下达)"
_QUALITATIVE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(实现)?正增长"), "正增长"),
    (re.compile(r"[与和]经济增长(基本)?(保持)?(基本)?同步"), "与经济增长同步"),
    (re.compile(rf"以{_GIVEN}(的)?(指标|任务|目标)?为准"), ""),
)
_GIVEN_TASK = re.compile(rf"完成{_GIVEN}的?(?P<what>[^,,;;。的\d]{{0,10}}?)(?:目标)?任务")
_DIRECTION = re.compile(
    r"(?:稳步|持续|逐步|有所|进一步|稳定)(?:提升|提高|改善|增长|优化|下降|降低|减少)(?=$|[,,;;。])"
)
QUALITATIVE_TRIGGER = re.compile(r"正增长|同步|为准|下达|稳步|持续|逐步|有所|进一步|稳定")


def qualitative_hits(text: str, base: int) -> list[Hit]:
    """The targets of ``text`` stated in words; offsets are ``base`` plus positions."""
    hits: list[Hit] = []
    for pattern, wording in _QUALITATIVE:
        for m in pattern.finditer(text):
            start, end = base + m.start(), base + m.end()
            if wording == "正增长":
                hit = Hit(0.0, "%", Qualifier.AT_LEAST, start, end, start, measure=Measure.GROWTH)
            elif wording:
                hit = Hit(None, "%", Qualifier.EXACT, start, end, start, measure=Measure.GROWTH)
            else:
                hit = Hit(None, None, Qualifier.EXACT, start, end, start, measure=Measure.LEVEL)
            hit.text_target = wording or m.group(0)
            hits.append(hit)
    for m in _GIVEN_TASK.finditer(text):
        hit = _worded(m, base)
        hit.subject = m["what"] + "任务" if m["what"] else ""
        hits.append(hit)
    for m in _DIRECTION.finditer(text):
        if m.start() > 0:  # a direction needs the thing it moves before it
            hits.append(_worded(m, base))
    return hits


def _worded(m: re.Match[str], base: int) -> Hit:
    start, end = base + m.start(), base + m.end()
    hit = Hit(None, None, Qualifier.EXACT, start, end, start, measure=Measure.LEVEL)
    hit.text_target, hit.target_only = m.group(0), True
    return hit
