"""Indicators: what the plan measures."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Direction(StrEnum):
    HIGHER = "higher"  # more is better (growth, output, income)
    LOWER = "lower"  # less is better (unemployment, accident deaths, energy use)


class Binding(StrEnum):
    BINDING = "binding"  # 约束性
    EXPECTED = "expected"  # 预期性

    @property
    def label_zh(self) -> str:
        return "约束性" if self is Binding.BINDING else "预期性"


class Kind(StrEnum):
    GROWTH = "growth"  # a rate of change in %, tolerance in percentage points
    SHARE = "share"  # a ratio in %, tolerance in percentage points
    LEVEL = "level"  # an amount in its unit, tolerance as a share of the target
    COUNT = "count"  # a number of things, tolerance as a share of the target

    @property
    def is_rate(self) -> bool:
        return self in (Kind.GROWTH, Kind.SHARE)


@dataclass(frozen=True)
class Indicator:
    """A measured quantity of the plan.

    ``group`` names indicators a plan states together ("节能减排和环境保护"
    指标以市上下达为准). ``tolerance`` and ``flag_below`` override the engine's defaults for this
    indicator only; ``None`` keeps the default.
    """

    code: str
    name: str
    unit: str
    kind: Kind
    direction: Direction
    binding: Binding
    name_en: str = ""
    group: str = ""
    owner: str = ""
    aliases: tuple[str, ...] = field(default=())
    tolerance: float | None = None
    flag_below: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, as a report may write them."""
        return (self.name, *self.aliases)
