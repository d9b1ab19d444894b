"""Draw a report chart as SVG: horizontal bars in percent with a reference mark.

Plain SVG written by hand (no plotting library): one bar per item, its value
at the end, and the reference (序时进度, the target) as a dark tick.
"""

from __future__ import annotations

from html import escape

from planwatch.core.wording import number
from planwatch.reports.model import Chart

WIDTH = 640
LABEL_WIDTH = 200
ROW = 26
TOP = 30
FONT = "Noto Sans CJK SC, sans-serif"


def scale_top(chart: Chart) -> float:
    """The value at the right end of the plot: the largest value or reference, plus room."""
    values = [b.value for b in chart.bars] + [b.reference or 0.0 for b in chart.bars]
    largest = max(values, default=0.0)
    return largest * 1.15 if largest > 0 else 100.0


def chart_svg(chart: Chart) -> str:
    """The chart as a standalone ``<svg>`` element; its scale runs from 0 past the largest value."""
    top = scale_top(chart)
    plot = WIDTH - LABEL_WIDTH - 60
    height = TOP + ROW * len(chart.bars) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(chart.caption)}" '
        f'font-family="{FONT}" font-size="12">'
    ]
    if chart.reference_label:
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="6" width="3" height="14" fill="#222"/>'
            f'<text x="{LABEL_WIDTH + 8}" y="18">{escape(chart.reference_label)}</text>'
        )
    for k, bar in enumerate(chart.bars):
        y = TOP + k * ROW
        width = max(0.0, bar.value) / top * plot
        colour = "#c0392b" if bar.reference is not None and bar.value < bar.reference else "#2e86c1"
        tip = escape(f"{bar.label} {number(bar.value, 1)}% {bar.source}")
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="16" fill="{colour}">'
            f"<title>{tip}</title></rect>"
            f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + 15}">{number(bar.value, 1)}%</text>'
        )
        if bar.reference is not None:
            x = LABEL_WIDTH + bar.reference / top * plot
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="3" height="22" fill="#222"/>')
    parts.append("</svg>")
    return "".join(parts)
