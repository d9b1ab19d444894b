"""Draw a report chart as PNG with Pillow, for DOCX (Word shows no inline SVG).

The same picture as :mod:`planwatch.reports.svg`: horizontal bars in percent,
the value at each bar's end and the reference as a dark tick. Labels use the
Noto Sans CJK font of Debian's fonts-noto-cjk when it is installed.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from planwatch.core.wording import number
from planwatch.reports.model import Chart
from planwatch.reports.svg import scale_top

SCALE = 2  # pixels per SVG unit: sharp when Word prints the image at 16 cm
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def chart_png(chart: Chart, *, width: int = 640, label_width: int = 200, row: int = 26) -> bytes:
    """The chart as PNG bytes, on the same scale as the SVG drawing."""
    top = scale_top(chart)
    plot, head = width - label_width - 60, 30
    height = head + row * len(chart.bars) + 10
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    font = _font(12 * SCALE)

    def box(x: float, y: float, w: float, h: float, colour: str) -> None:
        draw.rectangle([x * SCALE, y * SCALE, (x + w) * SCALE, (y + h) * SCALE], fill=colour)

    if chart.reference_label:
        box(label_width, 6, 3, 14, "#222222")
        draw.text(((label_width + 8) * SCALE, 6 * SCALE), chart.reference_label, "#000", font)
    for k, bar in enumerate(chart.bars):
        y = head + k * row
        w = max(0.0, bar.value) / top * plot
        below = bar.reference is not None and bar.value < bar.reference
        box(label_width, y + 3, w, 16, "#c0392b" if below else "#2e86c1")
        label_x = (label_width - 8) * SCALE - draw.textlength(bar.label, font)
        draw.text((label_x, (y + 3) * SCALE), bar.label, "#000", font)
        draw.text(
            ((label_width + w + 4) * SCALE, (y + 3) * SCALE),
            f"{number(bar.value, 1)}%",
            "#000",
            font,
        )
        if bar.reference is not None:
            box(label_width + bar.reference / top * plot, y, 3, 22, "#222222")
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if CJK_FONT.exists():
        return ImageFont.truetype(str(CJK_FONT), size)
    return ImageFont.load_default()
