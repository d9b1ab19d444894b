"""A candidate statement value found in a clause, before its subject is known."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.core.numbers import Qualifier
from planwatch.extract.records import Measure


@dataclass
class Hit:
    """A value found in a clause, with line offsets (``start``..``end`` covers qualifiers).

    ``measure`` is preset for ranks, word numbers and qualitative targets;
    ``subject`` is preset when the number's own phrase names what it counts
    (成为全区第7户百亿级企业 → 百亿级企业); ``counter_from_subject`` when the
    counter word depends on the thing (零就业家庭动态为零: 户, 黑臭水体清零: 个).
    """

    value: float | None
    unit: str | None
    qualifier: Qualifier
    start: int
    end: int
    number_start: int
    upper: float | None = None
    measure: Measure | None = None
    text_target: str | None = None
    rank_scope: str = ""
    subject: str = ""
    counter_from_subject: bool = False
    target_only: bool = False  # 稳步提升: a target when a plan says it, description otherwise
    both: bool = False  # 双双超过千万人次: the value holds for each member listed before
