"""The office's own draft text of a report, where every number is a reference to a stored value.

A plan office writes words no data holds (a judgement, a policy's name); the
figures in those words must still be the stored ones. So draft text names
each figure by reference — ``{gdp_growth}`` (an indicator's value of the
year), ``{1-1-1}`` (a key task's sub-target result), ``{s0043}`` (a fact
stored beside the draft with its value, unit and source) — and a quantity
written into the text as digits is an error, reported with file and line
when the text is read. A reference may carry a pattern for how the office
writes the figure: ``{s0043:#余场}`` writes "110余场", ``{s0201:#亿余元}``
"1亿余元"; the pattern without ``#`` and 余/多 must be the stored unit.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.core.errors import DatasetError, DatasetProblem, InvalidValue
from planwatch.core.numbers import find_quantities
from planwatch.core.wording import number

REFERENCE = re.compile(r"\{(?P<key>[A-Za-z0-9_\-]+)(?::(?P<pattern>[^{}]*))?\}")
_HOLE = "□"  # stands in for a reference while the literal text is checked
_AROUND_NUMBER = ("余", "多")


@dataclass(frozen=True)
class Figure:
    """A stored value as a report cites it: value, unit, where it is from and what it is."""

    value: float
    unit: str
    source: str = ""
    about: str = ""
    words: str = ""  # as the department reported it, qualifier kept ("110余场"); "" → value, unit
    verb: str = ""  # the word it follows in the report ("增长", "达")


@dataclass(frozen=True)
class Piece:
    """A piece of rendered draft text; ``figure`` is set for a referenced value."""

    text: str
    figure: Figure | None = None


def references(text: str) -> list[str]:
    """The keys ``text`` refers to, in order."""
    return [m.group("key") for m in REFERENCE.finditer(text)]


def check_draft(
    text: str, known: Collection[str] | Callable[[str], bool], *, file: str, line: int
) -> list[DatasetProblem]:
    """Every problem of one draft text: numbers written as digits, unknown references,
    malformed patterns. Names with digits (5G, 816工程, “1+3+6+N”, 2024年) are not figures."""
    is_known = known if callable(known) else known.__contains__
    problems = []
    for m in REFERENCE.finditer(text):
        if not is_known(m.group("key")):
            problems.append(DatasetProblem(file, line, f"unknown reference {m.group(0)}"))
        pattern = m.group("pattern")
        if pattern is not None and pattern.count("#") != 1:
            problems.append(DatasetProblem(file, line, f"{m.group(0)}: a pattern holds one #"))
    literal = REFERENCE.sub(_HOLE, text)
    for q in find_quantities(literal):
        if q.unit is not None:
            quote = literal[q.start : q.end]
            problems.append(
                DatasetProblem(
                    file,
                    line,
                    f"{quote} is written into the text: refer to a stored value instead",
                )
            )
    return problems


def render_draft(text: str, figures: Mapping[str, Figure]) -> Iterator[Piece]:
    """``text`` with each reference replaced by its figure as the office writes it.

    Raises :class:`InvalidValue` for a reference without a figure or a pattern
    whose words are not the figure's unit.
    """
    at = 0
    for m in REFERENCE.finditer(text):
        if m.start() > at:
            yield Piece(text[at : m.start()])
        key = m.group("key")
        if key not in figures:
            raise InvalidValue(f"no stored value for {m.group(0)}")
        yield Piece(written(figures[key], m.group("pattern")), figures[key])
        at = m.end()
    if at < len(text):
        yield Piece(text[at:])


def written(figure: Figure, pattern: str | None = None) -> str:
    """The figure in its unit ("2.2万家(次)"), or in ``pattern`` ("110余场" from "#余场")."""
    digits = number(figure.value)
    if pattern is None:
        return f"{digits}{figure.unit}"
    words = pattern.replace("#", "")
    for word in _AROUND_NUMBER:
        words = words.replace(word, "")
    if words != figure.unit:
        raise InvalidValue(f"pattern {pattern!r} does not write the unit {figure.unit!r}")
    return pattern.replace("#", digits)


_VERBS = ("增长", "下降", "提高", "减少", "增加", "达到", "达", "实现")


def reported(note: str, value: float, unit: str) -> tuple[str, str]:
    """``value`` ``unit`` as ``note`` (a department's report) writes it, qualifier kept
    ("突破4100万吨", "110余场"), and the verb before it ("增长", "达"); ``("", "")``
    when the note does not state that value in that unit."""
    for q in find_quantities(note):
        if q.value == value and q.unit == unit:
            before = note[: q.start]
            return note[q.start : q.end], next((w for w in _VERBS if before.endswith(w)), "")
    return "", ""


def line_of(raw_lines: list[str], text: str) -> int:
    """The 1-based line of ``raw_lines`` holding the start of ``text`` (0 when not found)."""
    head = text[:24]
    return next((k for k, line in enumerate(raw_lines, start=1) if head in line), 0)


@dataclass(frozen=True)
class ReportText:
    """A year's draft text (``report-<year>.toml``): the opening lines, the year's
    paragraph, the "——" overview paragraphs, each review item's text by task code,
    the first sentence of 总体来看, the preamble of next year's tasks (三) and the
    facts the text refers to."""

    year: int
    salutation: str = ""
    opening: str = ""
    intro: str = ""
    overview: tuple[str, ...] = ()
    conclusion: str = ""
    plan_preamble: str = ""
    items: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, Figure] = field(default_factory=dict)

    def texts(self) -> Iterator[str]:
        yield from (self.salutation, self.opening, self.intro, *self.overview, self.conclusion)
        yield self.plan_preamble
        yield from self.items.values()


def read_report_text(
    path: Path, known: Collection[str] | Callable[[str], bool] = lambda _: True
) -> ReportText:
    """Read ``path``; every reference must be a fact of the file or one of ``known``
    (indicator and sub-target codes). Raises :class:`DatasetError` listing every
    problem with its file and line."""
    raw = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
        facts = {
            key: Figure(float(f["value"]), f["unit"], f["source"], f.get("about", key))
            for key, f in data.get("facts", {}).items()
        }
        text = ReportText(
            year=int(data["year"]),
            salutation=data.get("salutation", ""),
            opening=data.get("opening", ""),
            intro=data.get("intro", ""),
            overview=tuple(data.get("overview", ())),
            conclusion=data.get("conclusion", ""),
            plan_preamble=data.get("plan_preamble", ""),
            items=dict(data.get("items", {})),
            facts=facts,
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DatasetError([DatasetProblem(path.name, 0, f"malformed report text: {exc}")]) from exc
    lines = raw.splitlines()
    is_known = known if callable(known) else known.__contains__

    def names(key: str) -> bool:
        return key in facts or is_known(key)

    problems = [
        problem
        for draft in text.texts()
        if draft
        for problem in check_draft(draft, names, file=path.name, line=line_of(lines, draft))
    ]
    if problems:
        raise DatasetError(problems)
    return text
