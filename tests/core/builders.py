"""Tiny builders for core objects: only what a test cares about is spelled out."""

from __future__ import annotations

from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.targets import Target, TargetForm


def make_indicator(
    code: str = "gdp_growth",
    *,
    kind: Kind = Kind.GROWTH,
    direction: Direction = Direction.HIGHER,
    unit: str = "%",
    tolerance: float | None = None,
    flag_below: float | None = None,
) -> Indicator:
    return Indicator(
        code=code,
        name=code,
        unit=unit,
        kind=kind,
        direction=direction,
        binding=Binding.EXPECTED,
        tolerance=tolerance,
        flag_below=flag_below,
    )


def make_target(
    form: TargetForm = TargetForm.POINT,
    value: float | None = 5.0,
    *,
    code: str = "gdp_growth",
    upper: float | None = None,
    reference: str | None = None,
    tolerance: float | None = None,
) -> Target:
    return Target(
        indicator=code,
        year=2024,
        form=form,
        text=f"{form}",
        value=value,
        upper=upper,
        reference=reference,
        tolerance=tolerance,
    )


def make_observation(
    value: float,
    *,
    code: str = "gdp_growth",
    status: Status = Status.ACTUAL,
    period: Period | None = None,
    note: str = "",
) -> Observation:
    return Observation(
        indicator=code, period=period or Period(2024), value=value, status=status, note=note
    )
