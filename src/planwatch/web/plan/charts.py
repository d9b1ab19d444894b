"""ECharts options built on the server: the page embeds them as JSON, one script draws them all.

Colours come in pairs with a line style or symbol, so no series is told apart
by colour alone.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from planwatch.core.observations import Period

ACTUAL, TARGET, PACE = "#1f5fa8", "#b45309", "#6b7280"
Option = dict[str, Any]


def sparkline(series: list[tuple[str, float]]) -> Option | None:
    if len(series) < 2:
        return None
    return {
        "animation": False,
        "grid": {"left": 2, "right": 2, "top": 4, "bottom": 2},
        "xAxis": {"type": "category", "show": False, "data": [p for p, _ in series]},
        "yAxis": {"type": "value", "show": False, "scale": True},
        "tooltip": {"trigger": "axis", "confine": True},
        "series": [_line(_("Actual"), [v for _, v in series], ACTUAL, area=True)],
    }


def within_year(
    periods: list[tuple[str, float]], target: float | None, cumulative_target: bool
) -> Option | None:
    """The year's months or quarters against the target.

    For a level with an annual target (jobs, investment) the target line is the
    time progress 序时进度 (annual target × share of the year elapsed); for a
    rate it is the target rate itself.
    """
    if not periods:
        return None
    names = [p for p, _ in periods]
    series = [_line(_("Actual (cumulative)"), [v for _, v in periods], ACTUAL)]
    if target is not None:
        pace = [
            round(target * Period.parse(p).elapsed_share, 4) if cumulative_target else target
            for p in names
        ]
        label = _("Time progress") if cumulative_target else _("Target")
        series.append(_line(label, pace, TARGET, dashed=True))
    return _chart(names, series)


def completion_curve(points: list[tuple[str, float | None, float]]) -> Option | None:
    """The S-curve: cumulative completion (% of the annual plan) against time progress by month."""
    if not points:
        return None
    months = [m for m, _, _ in points]
    option = _chart(
        months,
        [
            _line(_("Completion rate"), [c for _, c, _ in points], ACTUAL),
            _line(_("Time progress"), [t for _, _, t in points], TARGET, dashed=True),
        ],
    )
    option["yAxis"] |= {"scale": False, "min": 0, "axisLabel": {"formatter": "{value}%"}}
    if all(c is None or c <= 100 for _, c, _ in points):
        option["yAxis"]["max"] = 100
    return option


def across_years(rows: list[tuple[int, float | None, float | None]]) -> Option | None:
    """Actual (bars) and target (dashed line) for each plan year."""
    if not rows:
        return None
    years = [str(y) for y, _, _ in rows]
    bars = {
        "name": _("Actual / estimate"),
        "type": "bar",
        "barMaxWidth": 36,
        "itemStyle": {"color": ACTUAL},
        "label": {"show": True, "position": "top"},
        "data": [a for _, a, _ in rows],
    }
    option = _chart(years, [bars, _line(_("Target"), [t for _, _, t in rows], TARGET, dashed=True)])
    option["yAxis"]["scale"] = False  # bars start at zero, or their heights mislead
    return option


def regions_over_years(
    years: list[int],
    actuals: dict[str, list[float | None]],
    targets: dict[str, list[float | None]],
) -> Option | None:
    """Each region's actual (solid, its own symbol) and target (dashed) across the years."""
    if not actuals:
        return None
    marks = ["circle", "rect", "triangle", "diamond", "pin", "arrow"]
    series = []
    for i, name in enumerate(actuals):
        symbol = {"symbol": marks[i % len(marks)], "symbolSize": 8}
        series.append({**_line(name, actuals[name], None), **symbol})
        label = _("%(region)s target") % {"region": name}
        target = {**_line(label, targets[name], None), **symbol, "lineStyle": {"type": "dashed"}}
        series.append(target)
    return _chart([str(y) for y in years], series)


def _chart(categories: list[str], series: list[Option]) -> Option:
    return {
        "animation": False,
        "grid": {"left": 48, "right": 16, "top": 36, "bottom": 28},
        "legend": {"top": 0, "type": "scroll"},  # one line: on a phone it scrolls, not wraps
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": categories},
        "yAxis": {"type": "value", "scale": True},
        "series": series,
    }


def _line(
    name: str, data: list[Any], colour: str | None, *, dashed: bool = False, area: bool = False
) -> Option:
    line: Option = {"name": name, "type": "line", "data": data, "connectNulls": True}
    if colour:
        line["itemStyle"] = {"color": colour}
        line["lineStyle"] = {"color": colour, "type": "dashed" if dashed else "solid"}
    if dashed:
        line["symbol"] = "diamond"
    if area:
        line |= {"areaStyle": {"opacity": 0.15}, "symbol": "none"}
    return line


def nowcast_fan(
    this_year: list[tuple[Period, float]],
    last_year: list[tuple[Period, float]],
    target: float | None,
    fan: tuple[float, float, float] | None,
) -> Option | None:
    """The year-to-date path, last year's path, the target and the nowcast fan, by month.

    ``fan`` is (nowcast, low, high) at December; the fan opens from the
    latest value (a quarter is drawn at its last month) and widens to it.
    """
    if not this_year:
        return None
    months = [str(m) for m in range(1, 13)]
    latest_period, latest = this_year[-1]
    series = [
        _line(_("Last year"), _by_month(last_year), PACE, dashed=True),
        _line(_("Actual (cumulative)"), _by_month(this_year), ACTUAL),
    ]
    if target is not None:
        series.append(_line(_("Target"), [target] * 12, TARGET, dashed=True))
    if fan is not None:
        start = _month(latest_period)
        central, low, high = fan
        steps = range(start, 13)
        share = {m: (m - start) / (12 - start) if start < 12 else 1.0 for m in steps}
        path = {m: latest + (central - latest) * share[m] for m in steps}
        lower = {m: latest + (low - latest) * share[m] for m in steps}
        width = {m: (high - low) * share[m] for m in steps}
        series.append(_line(_("Nowcast"), _fill(path), ACTUAL, dashed=True))
        band = _("Nowcast interval")  # both parts share the name: one legend entry
        series.append(_band(_fill(lower), band, opacity=0.0))
        series.append(_band(_fill(width), band, opacity=0.2))
    option = _chart(months, series)
    option["xAxis"]["name"] = _("Month")
    return option


def _month(period: Period) -> int:
    return period.month or (period.quarter or 4) * 3


def _by_month(points: list[tuple[Period, float]]) -> list[float | None]:
    values: list[float | None] = [None] * 12
    for period, value in points:
        values[_month(period) - 1] = value
    return values


def _fill(by_month: dict[int, float]) -> list[float | None]:
    return [round(by_month[m], 4) if m in by_month else None for m in range(1, 13)]


def _band(data: list[float | None], name: str, *, opacity: float) -> Option:
    """One part of a stacked band: the invisible lower edge, or the width above it."""
    return {
        "name": name,
        "type": "line",
        "data": data,
        "symbol": "none",
        "stack": "fan",
        "stackStrategy": "all",  # a lower edge below zero still carries the width
        "lineStyle": {"opacity": 0},
        "areaStyle": {"opacity": opacity, "color": ACTUAL},
    }
