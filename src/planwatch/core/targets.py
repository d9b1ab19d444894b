"""Targets: what the plan says one indicator should reach in one year."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planwatch.core.errors import InvalidValue


class TargetForm(StrEnum):
    AT_LEAST = "at_least"  # 以上, 突破, 超过, 不低于
    POINT = "point"  # 增长5%
    APPROX = "approx"  # 左右, 约
    AT_MOST = "at_most"  # 以内, 控制在, 以下, 不超过
    POSITIVE = "positive"  # 正增长
    IN_STEP_WITH = "in_step_with"  # 与经济增长(保持)同步
    RANGE = "range"  # 5%—6%
    ASSIGNED = "assigned"  # 以市上下达为准
    QUALITATIVE = "qualitative"  # text only, judged by a person

    @property
    def needs_value(self) -> bool:
        return self in (
            TargetForm.AT_LEAST,
            TargetForm.POINT,
            TargetForm.APPROX,
            TargetForm.AT_MOST,
            TargetForm.RANGE,
        )


@dataclass(frozen=True)
class Target:
    """One target of the plan.

    ``text`` is the target as the plan writes it ("6%以上", "与经济增长同步");
    ``value`` is its number (the lower bound for a range, ``None`` for forms
    without one, or for an ``assigned`` target the higher level has not set);
    ``upper`` is the upper bound of a range; ``reference`` is the code of the
    indicator an ``in_step_with`` target follows; ``headline`` is the target's
    place in the plan's sentence of main targets (``None``: not in it).
    """

    indicator: str
    year: int
    form: TargetForm
    text: str
    value: float | None = None
    upper: float | None = None
    reference: str | None = None
    tolerance: float | None = None
    headline: int | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.form.needs_value and self.value is None:
            raise InvalidValue(f"a {self.form} target needs a value")
        if self.form is TargetForm.RANGE:
            if self.upper is None:
                raise InvalidValue("a range target needs an upper bound")
            if self.value is not None and self.upper < self.value:
                raise InvalidValue("a range target's upper bound is below its lower bound")
        if self.form is TargetForm.IN_STEP_WITH and not self.reference:
            raise InvalidValue("an in_step_with target needs a reference indicator")
        if self.tolerance is not None and self.tolerance < 0:
            raise InvalidValue("a tolerance cannot be negative")
