"""How far 预计 reaches (issue 14, classes 2 and 3).

* A paragraph opening with 预计, 初步预计 or 据统计预测 (after its item number, if any)
  makes every figure of the paragraph an estimate, across its sentences.
* Elsewhere 预计 reaches the part of its sentence between semicolons that
  holds it: in 造林3.2万亩;预计花卉产值12亿元,增长6%, only the second part is
  an estimate; across commas it reaches the whole part, before and after it
  (…2项指标暂无数据…外,预计…12项指标高于预期: all counts of the part).
* A 其中 sentence right after an estimated one breaks it down and is one too
  (the caller keeps that rule).
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import ESTIMATE_MARKERS

_OPENING = re.compile(
    r"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*|[(（][一二三四五六七八九十]+[)）]\s*)?(?:初步|据统计)?预(?:计|测)"
)
_PART_END = re.compile(r"[;；]")


def paragraph_estimated(line: str) -> bool:
    """Whether the paragraph opens with 预计 (every figure in it is an estimate)."""
    return _OPENING.match(line) is not None


def estimated_parts(sentence: str) -> list[tuple[int, int]]:
    """The spans (offsets in ``sentence``) of its semicolon parts that hold 预计."""
    spans, start = [], 0
    for end in [m.start() for m in _PART_END.finditer(sentence)] + [len(sentence)]:
        if any(marker in sentence[start:end] for marker in ESTIMATE_MARKERS):
            spans.append((start, end))
        start = end + 1
    return spans


def in_parts(offset: int, parts: list[tuple[int, int]]) -> bool:
    """Whether a clause starting at ``offset`` lies in one of ``parts``."""
    return any(start <= offset <= end for start, end in parts)
