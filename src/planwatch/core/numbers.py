"""The one number parser of planwatch: Chinese report quantities → value, unit, qualifier.

Everything here is a pure function over strings. A *quantity* is a number as a
report writes it (``突破3000亿元``, ``6.5%左右``, ``５％—６％``, ``一百二十个``,
``31万余个``) and becomes a :class:`Quantity`: the value as written (magnitude
words are **not** multiplied out; they stay in the unit, so ``2.3万人`` is
``2.3`` with unit ``万人``), the unit text, a :class:`Qualifier` from the words
around it, and an upper bound for ranges.

Full-width digits and signs (``０-９ ． ％ － —``) parse exactly like their
half-width forms: :func:`to_halfwidth` maps them one character to one
character, so positions found in the normalised text are positions in the
original text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planwatch.core.errors import InvalidValue
from planwatch.core.quantity_words import (
    BASE_UNITS,
    CN_BIG_UNITS,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    CN_SMALL_UNITS,
    MAGNITUDES,
    PREFIX_APPROX,
    PREFIX_AT_LEAST,
    PREFIX_AT_MOST,
    SUFFIX_APPROX,
    SUFFIX_AT_LEAST,
    SUFFIX_AT_MOST,
)


class Qualifier(StrEnum):
    """How a number bounds the true value."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text.

    ``start``/``end`` delimit the whole phrase including qualifier words
    (``突破`` … ``以上``); ``number_start`` is where the digits begin.
    ``upper`` is set only for ranges (``5%—6%``: value 5, upper 6).
    ``unit`` is ``None`` when the number stands alone (``第3``, ``2349``).
    """

    value: float
    unit: str | None
    qualifier: Qualifier
    start: int
    end: int
    number_start: int
    upper: float | None = None


_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％－＋，：；（）～",
    "0123456789.%-+,:;()~",
)

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MAG = "|".join(MAGNITUDES)
_UNIT = "|".join(re.escape(u) for u in BASE_UNITS)
_QUANTITY_RE = re.compile(
    rf"(?P<num>{_NUM})"
    rf"(?:\s*[-~—–至到]\s*(?P<hi>{_NUM})(?=\s*(?:{_MAG})?\s*(?:{_UNIT})))?"
    rf"(?:[ \u00a0](?=(?:{_MAG}|{_UNIT})))?"
    rf"(?P<yu1>余|多)?(?:(?!{_UNIT})(?P<mag>{_MAG}))?(?P<yu2>余|多)?"
    rf"(?P<unit>{_UNIT})?(?P<paren>\([^()]{{1,3}}\))?"
)
_PREFIXES: tuple[tuple[str, Qualifier], ...] = tuple(
    sorted(
        [(w, Qualifier.AT_MOST) for w in PREFIX_AT_MOST]
        + [(w, Qualifier.AT_LEAST) for w in PREFIX_AT_LEAST]
        + [(w, Qualifier.APPROX) for w in PREFIX_APPROX],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)


_SUFFIXES: tuple[tuple[str, Qualifier], ...] = tuple(
    sorted(
        [(w, Qualifier.AT_LEAST) for w in SUFFIX_AT_LEAST]
        + [(w, Qualifier.AT_MOST) for w in SUFFIX_AT_MOST]
        + [(w, Qualifier.APPROX) for w in SUFFIX_APPROX],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)
_RANGE_MARKS = frozenset("-~—–至到 ")
_RANGE_TAIL = re.compile(
    rf"\s*[-~—–至到]\s*(?P<hi>{_NUM})\s*(?P<unit>(?:{_MAG})?(?:{_UNIT})(?:\([^()]{{1,3}}\))?)"
)


def to_halfwidth(text: str) -> str:
    """Map full-width digits, signs and brackets to ASCII, one character for one."""
    return text.translate(_FULLWIDTH)


def parse_chinese_integer(text: str) -> int:
    """Value of a Chinese integer numeral: ``一百二十`` → 120, ``两`` → 2, ``十`` → 10.

    Accepts 零〇一二两三四五六七八九 with 十百千万亿; a leading 十 means ten
    (``十五`` → 15). Raises :class:`InvalidValue` on anything else or on an
    empty string.
    """
    known = CN_DIGITS.keys() | CN_SMALL_UNITS.keys() | CN_BIG_UNITS.keys()
    if not text or any(c not in known for c in text):
        raise InvalidValue(f"not a Chinese integer numeral: {text!r}")
    for big in ("亿", "万"):
        if big in text:
            high, low = text.split(big, 1)
            return (parse_chinese_integer(high) if high else 1) * CN_BIG_UNITS[big] + (
                parse_chinese_integer(low) if low else 0
            )
    section = digit = 0
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        else:
            section += (digit or 1) * CN_SMALL_UNITS[char]
            digit = 0
    return section + digit


def parse_number(text: str) -> float:
    """Value of one number written in Arabic or Chinese numerals.

    ``"1,234.5"`` → 1234.5; ``"１２．５"`` → 12.5; ``"－3"`` → -3;
    ``"一百二十"`` → 120. Magnitude words are multiplied here (``"3.5万"`` →
    35000) because this function has no unit to keep them in; use
    :func:`parse_quantity` to keep ``万`` in the unit. Raises
    :class:`InvalidValue` when the text is not a number.
    """
    s = to_halfwidth(text.strip()).replace("—", "-").replace("−", "-")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    factor = 1.0
    for mag in MAGNITUDES:
        if s.endswith(mag) and len(s) > len(mag) and s[: -len(mag)][-1].isdigit():
            factor = float(_magnitude_factor(mag))
            s = s[: -len(mag)]
            break
    if re.fullmatch(_NUM, s):
        return sign * float(s.replace(",", "")) * factor
    return sign * float(parse_chinese_integer(s))


def _magnitude_factor(mag: str) -> int:
    factor = 1
    for char in mag:
        factor *= CN_SMALL_UNITS.get(char, 0) or CN_BIG_UNITS[char]
    return factor


def find_quantities(text: str) -> list[Quantity]:
    """Every Arabic-digit quantity in ``text``, in order, with qualifier words.

    Digits glued to Latin letters or ``+`` (``5G``, ``PM2.5``, ``1+3+6+N``)
    are part of a name and are skipped. A number without a unit is returned
    with ``unit=None``; callers decide whether it matters. Both full-width and
    half-width input work, and positions refer to ``text`` itself.
    """
    norm = to_halfwidth(text)
    found: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(norm):
        start, end = m.start(), m.end()
        if found and start < found[-1].end:
            continue
        before = norm[start - 1] if start else ""
        after = norm[m.end("num")] if m.end("num") < len(norm) else ""
        unitless = m.group("unit") is None and m.group("mag") is None
        if unitless and (_is_glued(before) or _is_glued(after)):
            continue
        if _is_year(m):
            continue
        if (
            m.group("unit") in {"MW", "GW", "kW", "kV", "km", "TEU"}
            and end < len(norm)
            and norm[end].isascii()
            and norm[end].isalpha()
        ):
            continue
        found.append(_build(norm, m))
    return found


def _is_year(m: re.Match[str]) -> bool:
    return (
        re.fullmatch(r"(19|20)\d\d", m.group("num")) is not None
        and not m.group("mag")
        and (m.group("unit") or "").startswith("年")
    )


def _is_glued(char: str) -> bool:
    return char != "" and char.isascii() and (char.isalpha() or char in "+.")


def _build(norm: str, m: re.Match[str]) -> Quantity:
    value = float(m.group("num").replace(",", ""))
    hi = m.group("hi")
    mag = m.group("mag") or ""
    unit_word = m.group("unit") or ""
    if unit_word == "立方":
        unit_word = "立方米"
    if unit_word == "" and mag == "亿":
        unit_word = "元"
    unit = (mag + unit_word + (m.group("paren") or "")) or None
    start, end = m.start(), m.end()
    upper = float(hi.replace(",", "")) if hi else None
    qualifier = Qualifier.EXACT
    if m.group("yu1") or m.group("yu2"):
        qualifier = Qualifier.AT_LEAST
    if upper is None and unit is not None and norm[end : end + 1] in _RANGE_MARKS:
        tail = _RANGE_TAIL.match(norm, end)
        if tail and tail.group("unit") == unit:
            upper = float(tail.group("hi").replace(",", ""))
            end = tail.end()
    prefix = next(((w, q) for w, q in _PREFIXES if norm.endswith(w, 0, start)), None)
    if prefix is not None and not (prefix[0] == "前" and unit != "%"):
        qualifier, start = prefix[1], start - len(prefix[0])
    suffix = next(((w, q) for w, q in _SUFFIXES if norm.startswith(w, end)), None)
    if suffix is not None:
        qualifier, end = suffix[1], end + len(suffix[0])
    return Quantity(value, unit, qualifier, start, end, m.start(), upper)


def parse_quantity(text: str) -> Quantity:
    """The single quantity that ``text`` consists of (surrounding spaces allowed).

    ``"突破3000亿元"`` → 3000, ``亿元``, at_least; ``"5%—6%"`` → 5 .. 6 ``%``;
    ``"一百二十个"`` → 120 ``个``; ``"百亿"`` → 100 ``亿元``. Raises
    :class:`InvalidValue` when the text holds no quantity or more than one.
    """
    stripped = text.strip()
    found = find_quantities(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    if not found:
        chinese = find_chinese_quantity(stripped)
        if chinese is not None and chinese.start == 0 and chinese.end == len(stripped):
            return chinese
    raise InvalidValue(f"not a single quantity: {text!r}")


_CN_QUANTITY_RE = re.compile(
    rf"(?P<num>[{CN_NUMERAL_CHARS}]+(?:[万亿][{CN_NUMERAL_CHARS}]+)*)(?P<mag>万|亿)?(?P<unit>{_UNIT})?"
)


def find_chinese_quantity(text: str) -> Quantity | None:
    """A quantity written with Chinese numerals at the start of ``text``, if any.

    ``"七个方面"`` → 7 ``个``; ``"百亿"`` → 100 ``亿元`` (a bare 亿 amount in these
    reports is money); ``"两"`` alone → 2 with no unit. Qualifier words are
    read as in :func:`find_quantities`.
    """
    m = _CN_QUANTITY_RE.match(to_halfwidth(text))
    if m is None:
        return None
    unit_word = m.group("unit") or ""
    mag = m.group("mag") or ""
    numeral = m.group("num")
    if mag and ("万" in numeral or "亿" in numeral):
        numeral, mag = numeral + mag, ""
    value = float(parse_chinese_integer(numeral))
    if mag == "亿" and not unit_word:
        unit_word = "元"
    unit = (mag + unit_word) or None
    end = m.end()
    qualifier = Qualifier.EXACT
    for words, qual in (
        (SUFFIX_AT_LEAST, Qualifier.AT_LEAST),
        (SUFFIX_AT_MOST, Qualifier.AT_MOST),
        (SUFFIX_APPROX, Qualifier.APPROX),
    ):
        word = next((w for w in words if text[end:].startswith(w)), None)
        if word is not None:
            qualifier, end = qual, end + len(word)
            break
    return Quantity(value, unit, qualifier, 0, end, 0)


def format_quantity(value: float, unit: str | None = None) -> str:
    """Shortest text that :func:`parse_quantity` reads back as ``value`` and ``unit``."""
    number = format(Decimal(repr(value)), "f")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number + (unit or "")
