"""Named style sets: the page, fonts and sizes a report is laid out in.

The built-in set is 党政机关公文格式 (GB/T 9704-2012), kept as data in
``data/styles/gbt9704.toml``. A region's ``report.toml`` may name another
set and override any key under ``[style]``, so an office changes its layout
without touching code. DOCX names the fonts Word and WPS resolve on an office
machine (仿宋_GB2312 …, each with the name Word falls back to); PDF uses the
free fonts installed by ``scripts/setup`` for the same roles.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from planwatch.core.errors import InvalidValue

STYLES_DIR = Path(__file__).resolve().parent.parent / "data" / "styles"
DEFAULT = "gbt9704"
CM_PT = 72 / 2.54


@dataclass(frozen=True)
class Role:
    """A text role: its font role (fang, hei, kai, song, title), size and weight."""

    font: str
    size_pt: float
    bold: bool = False
    pdf_weight: int = 0


@dataclass(frozen=True)
class Page:
    width_cm: float
    height_cm: float
    top_cm: float
    bottom_cm: float
    left_cm: float
    right_cm: float
    lines: int
    chars: int
    line_pitch_pt: float
    number_format: str
    number_size_pt: float
    number_role: str

    @property
    def text_width_pt(self) -> float:
        return (self.width_cm - self.left_cm - self.right_cm) * CM_PT

    def page_number(self, n: int | str) -> str:
        """The page number as printed ("— 1 —")."""
        return self.number_format.format(n=n)


@dataclass(frozen=True)
class StyleSet:
    """A whole layout: page, text roles and the fonts of each format."""

    name: str
    label: str
    page: Page
    roles: dict[str, Role]
    docx_fonts: dict[str, tuple[str, str]]
    pdf_fonts: dict[str, tuple[str, ...]]

    def role(self, name: str) -> Role:
        return self.roles[name]

    def heading(self, level: int) -> Role:
        return self.roles[f"heading{min(max(level, 1), 4)}"]

    def docx_font(self, font_role: str) -> str:
        return self.docx_fonts[font_role][0]

    def css_family(self, font_role: str, *, bold: bool = False) -> str:
        """A CSS font-family list of the role's fonts, first found wins; bold text takes
        the role's ``<role>_bold`` list when the set has one (a font with a real bold)."""
        fonts = self.pdf_fonts.get(f"{font_role}_bold", ()) if bold else ()
        return ",".join(f'"{f}"' for f in fonts or self.pdf_fonts[font_role]) + ",serif"

    @property
    def char_spacing_pt(self) -> float:
        """Extra space a character so that a body line holds exactly ``page.chars`` characters."""
        return self.page.text_width_pt / self.page.chars - self.roles["body"].size_pt


def style_set(name: str = DEFAULT, overrides: dict[str, Any] | None = None) -> StyleSet:
    """The style set ``name`` (a file in ``data/styles``) with ``overrides`` merged in.

    Raises :class:`InvalidValue` for an unknown name or a malformed set.
    """
    data = _merged(dict(_read(name)), overrides or {})
    try:
        return StyleSet(
            name=data["name"],
            label=data.get("label", data["name"]),
            page=Page(**data["page"]),
            roles={k: Role(**v) for k, v in data["roles"].items()},
            docx_fonts={k: (v[0], v[-1]) for k, v in data["fonts"]["docx"].items()},
            pdf_fonts={k: tuple(v) for k, v in data["fonts"]["pdf"].items()},
        )
    except (KeyError, TypeError) as exc:
        raise InvalidValue(f"style set {name!r} is malformed: {exc}") from exc


def region_style(settings: dict[str, Any]) -> StyleSet:
    """The style set a region's ``report.toml`` ``[style]`` table asks for (default GB/T 9704)."""
    table = dict(settings)
    return style_set(str(table.pop("name", DEFAULT)), table)


@cache
def _read(name: str) -> dict[str, Any]:
    path = STYLES_DIR / f"{name}.toml"
    if not path.is_file():
        raise InvalidValue(f"no style set {name!r} in {STYLES_DIR}")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merged(dict(base[key]), value)
        else:
            base[key] = value
    return base


GBT_9704 = style_set()
