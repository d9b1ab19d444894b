"""The report model: what every output format renders.

A report is a title, sections of blocks (paragraphs, tables, charts) and
the list of what was missing when it was built. A paragraph is made of text
runs; a run that states a figure carries the source of the record it came
from (``seed:L33``, ``illustrative``, a department), so every renderer can
make each number traceable and mark illustrative values as 示例数据.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

NOT_PUBLISHED = frozenset({"illustrative", "synthetic"})  # sources of demo values
ILLUSTRATIVE_LABEL = "示例数据"


@dataclass(frozen=True)
class Run:
    """A piece of text; ``source`` is set when it states a figure from a record.

    ``about`` names that record ("地区生产总值增速 2024年预计值") for source
    tables and tooltips; ``missing`` marks a run standing in for absent data
    (暂无数据); ``strong`` a run-in heading ("1.服务保障切实增强。"), set bold.
    """

    text: str
    source: str = ""
    about: str = ""
    missing: bool = False
    strong: bool = False

    @property
    def illustrative(self) -> bool:
        return self.source in NOT_PUBLISHED


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; ``style`` is ``body``, ``lead`` (a run-in level-2 heading),
    ``to`` (an addressee, flush left), ``note``, ``list`` (an annex's entries, in the
    tables' small type) or ``gap`` (standing in for missing data: only the review
    copy shows it)."""

    runs: tuple[Run, ...]
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


Cell = tuple[Run, ...]


@dataclass(frozen=True)
class Table:
    """A table with a caption ("表1 …"), a header row and rows of cells.

    ``numeric`` lists the indexes of columns to align right.
    """

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label, a value and an optional reference mark (序时进度)."""

    label: str
    value: float
    reference: float | None = None
    source: str = ""


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart in percent, drawn by each renderer (SVG or PNG)."""

    caption: str
    bars: tuple[Bar, ...]
    reference_label: str = ""


Block = Paragraph | Table | Chart

CELL_CAP = 14.0  # characters: a longer cell wraps rather than widen its column further
CELL_PADDING = 1.5  # characters of margin around a cell's text (Word's default margins)
MARK_WIDTH = 2.0  # characters the small 示例数据 mark takes after a value
SHORT_COLUMN = 6.0  # characters: a column this narrow keeps its natural width
LINE_WIDTH = 52.0  # CJK characters of table text across an A4 page's text width
WHOLE_LABEL = 4.0  # characters: a word this short ("低于预期", "约束性") never wraps
_LATIN_RUN = re.compile(r"[0-9A-Za-z.%<>+\-]+")
_PIECES = re.compile(r"[((]")  # a cell may wrap before a bracket: "低于预期" / "(<80%)"
_HEADER_BREAK = re.compile(r"(?<=\d年)|(?=[((])")  # after a year, before a bracket
HEADER_WORD = 4.5  # characters: a header word this short ("实际/预计", "(万元)") stays whole
ROOMY = 6.5  # characters the widest column keeps for header words to stay whole


def text_width(text: str) -> float:
    """Width in CJK characters: a CJK character is 1, an ASCII character ½."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


def unbreakable_width(text: str) -> float:
    """The widest piece of ``text`` a line must never break.

    A cell may wrap before a bracket; of each piece, a short word stays whole
    ("低于预期", "万美元"), a longer one keeps its runs of digits and Latin
    letters whole (a figure: "1110.0%").
    """
    widths = [1.0]
    for piece in _PIECES.split(text):
        if text_width(piece) <= WHOLE_LABEL:
            widths.append(text_width(piece) + (1.0 if piece != text else 0.0))
        else:
            widths += [text_width(run) for run in _LATIN_RUN.findall(piece)]
    return max(widths)


def column_shares(table: Table, line_width: float = LINE_WIDTH) -> list[float]:
    """Each column's share of the table width, summing to 1.

    ``line_width`` is the table text's width in CJK characters. A narrow
    column (序号, 属性, 单位) gets its natural width, so it never wraps; the
    other columns share the rest of the line by their widest (capped) cell,
    but never below their widest unbreakable piece, so "低于预期" and a figure
    never wrap mid-word. A header may wrap between its words (:func:`header_lines`),
    leaving the room to the names beside it; its short words stay whole too
    unless that leaves the widest column under ``ROOMY`` characters (the lag
    notice's nine columns: its project names come first). DOCX and the PDF's
    HTML use the same shares.
    """
    natural, least, words, short = [], [], [], []
    for k, title in enumerate(table.header):
        texts = ["".join(r.text for r in row[k]) for row in table.rows]
        cells = [
            text_width(text) + (MARK_WIDTH if any(r.illustrative for r in row[k]) else 0.0)
            for text, row in zip(texts, table.rows, strict=True)
        ]
        short.append(max([text_width(title), *cells]) <= SHORT_COLUMN)
        pieces = [text_width(piece) for piece in header_lines(title)]
        natural.append(min(max([max(pieces), *cells]), CELL_CAP) + CELL_PADDING)
        least.append(max(unbreakable_width(t) for t in ["", *texts]) + CELL_PADDING)
        short_words = [w + CELL_PADDING for w in pieces if w <= HEADER_WORD]
        words.append(max([least[-1], *short_words]))
    fixed = sum(w for w, s in zip(natural, short, strict=True) if s)
    flexible = sum(w for w, s in zip(natural, short, strict=True) if not s)
    if not flexible or fixed >= line_width:
        widths = natural
    else:
        scale = max(line_width - fixed, 0.0) / flexible
        widths = [w if s else w * scale for w, s in zip(natural, short, strict=True)]
    whole = _at_least(widths, words, line_width)
    widest = natural.index(max(natural))
    if whole[widest] < min(natural[widest], ROOMY):
        whole = _at_least(widths, least, line_width)
    return [w / sum(whole) for w in whole]


def header_lines(title: str, width: float = 0.0) -> list[str]:
    """``title`` as the lines of a column ``width`` characters wide: whole when it fits,
    else its words — a year ("2024年" / "实际/预计") and a unit ("总投资" / "(亿元)")
    on lines of their own. Without ``width``, the words."""
    if width and text_width(title) + CELL_PADDING <= width:
        return [title]
    return [piece for piece in _HEADER_BREAK.split(title) if piece]


def _at_least(widths: list[float], least: list[float], line_width: float) -> list[float]:
    """Raise every column to its least width, taking the room from the wider ones."""
    widths = [max(w, m) for w, m in zip(widths, least, strict=True)]
    excess = sum(widths) - line_width
    spare = [max(w - m, 0.0) for w, m in zip(widths, least, strict=True)]
    if excess <= 0 or not sum(spare):
        return widths
    cut = min(excess / sum(spare), 1.0)
    return [w - s * cut for w, s in zip(widths, spare, strict=True)]


@dataclass(frozen=True)
class Section:
    """A heading, its blocks and its subsections; the depth gives the heading level."""

    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()

    def walk(self, level: int = 1) -> Iterator[tuple[int, Section]]:
        """Yield (level, section) for this section and every subsection, in reading order."""
        yield level, self
        for child in self.sections:
            yield from child.walk(level + 1)


@dataclass(frozen=True)
class Official:
    """The parts of a 公文 around its body (GB/T 9704-2012): 发文字号, 主送机关,
    发文机关署名, 成文日期 and 抄送机关; an empty part is left out."""

    number: str = ""
    addressees: str = ""
    issuer: str = ""
    date: str = ""
    copies: str = ""


@dataclass(frozen=True)
class Report:
    """A whole document: title, the lines under it, sections, and what was missing.

    ``review`` marks the review copy (审阅稿): its figures carry their
    provenance marks, and it ends with the sources annex and the author's
    to-do list. The copy to submit carries neither.
    """

    title: str
    subtitle: str = ""
    sections: tuple[Section, ...] = ()
    missing: tuple[str, ...] = field(default=())
    review: bool = False
    official: Official | None = None

    def runs(self) -> Iterator[Run]:
        """Every run of the report, in reading order (paragraphs, then table cells)."""
        for section in self.sections:
            for _, s in section.walk():
                for block in s.blocks:
                    if isinstance(block, Paragraph):
                        yield from block.runs
                    elif isinstance(block, Table):
                        for row in block.rows:
                            for cell in row:
                                yield from cell

    def sources(self) -> list[tuple[str, str, str]]:
        """(record, figure, source) for every sourced run, in reading order, without repeats."""
        seen: dict[tuple[str, str, str], None] = {}
        for run in self.runs():
            if run.source:
                seen.setdefault((run.about, run.text, run.source), None)
        return list(seen)

    def without_gaps(self) -> Report:
        """The copy to submit: every paragraph standing in for missing data left out."""
        return replace(self, sections=tuple(_without_gaps(s) for s in self.sections))

    @property
    def has_illustrative(self) -> bool:
        return any(r.illustrative for r in self.runs())


def _without_gaps(section: Section) -> Section:
    blocks = tuple(b for b in section.blocks if not (isinstance(b, Paragraph) and b.style == "gap"))
    return replace(
        section, blocks=blocks, sections=tuple(_without_gaps(s) for s in section.sections)
    )


def missing_run(what: str = "暂无数据") -> Run:
    return Run(what, missing=True)


def para(*runs: Run | str, style: str = "body") -> Paragraph:
    """A paragraph of runs; plain strings become unsourced runs."""
    return Paragraph(tuple(r if isinstance(r, Run) else Run(r) for r in runs), style)
