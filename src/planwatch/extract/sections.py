"""Section headings, section paths and the document tree of a report.

Chinese plan reports nest three heading levels:

* parts ``一、…`` (review of last year, this year's targets, this year's tasks);
* areas ``(一)…`` (full- or half-width brackets);
* items ``1.…`` (numbered across the review) or tasks ``一是…`` (numbered
  afresh in each area of the plan).

Every line gets a path such as ``一/(一)/1`` or ``三/(三)/二``. Paragraphs of a
part outside any area get ``<part>/概述`` when they are the ``——`` summary
paragraphs that open a review, ``<part>/总体来看`` for a closing summary
(``总体来看``/``总的来看`` …), and ``<part>`` otherwise.

Scraped reports sometimes lose an area heading. A new run of ``一是`` inside an
area that already has tasks can only start a new area, so one is inserted with
the next label, ``title=None``, ``line=None`` and a ``note`` saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from planwatch.core.numbers import parse_chinese_integer, to_halfwidth
from planwatch.extract.sentences import report_lines

_CN = "一二三四五六七八九十"
_PART_RE = re.compile(rf"^([{_CN}]{{1,3}})、(.*)$")
_AREA_RE = re.compile(rf"^\(([{_CN}]{{1,3}})\)(.*)$")
_ITEM_RE = re.compile(r"^(\d{1,2})[.、](?!\d)\s*(.*)$")
_TASK_RE = re.compile(rf"^([{_CN}]{{1,3}})是(.*)$")
_INLINE_TASK_RE = re.compile(rf"(?:^|[。;])\s*([{_CN}]{{1,3}})是([^。;]*)")
_BULLETS = re.compile(r"^[\s●■◆▲★☆○□◇•·\-*]+")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d) ?年")
_SUMMARY_OPENERS = ("总体来看", "总的来看", "总体上看", "总体而言", "综上所述")
_REVIEW_WORDS = ("执行情况", "回顾", "完成情况", "工作总结", "过去一年", "过去的一年", "成绩")
_PLAN_WORDS = ("计划", "目标", "任务", "安排", "草案", "预期", "重点工作", "工作建议", "总体要求")


class PartKind(StrEnum):
    """Whether a part looks back at last year or sets out this year's plan."""

    REVIEW = "review"
    PLAN = "plan"
    OTHER = "other"


@dataclass
class Item:
    """A numbered item (``1.``) or task (``一是``): label without punctuation or 是."""

    label: str
    title: str
    line: int


@dataclass
class Area:
    """An area ``(一)``; ``title`` and ``line`` are ``None`` for a recovered area."""

    label: str
    title: str | None
    line: int | None
    items: list[Item] = field(default_factory=list)
    note: str | None = None


@dataclass
class Part:
    """A part ``一、``, with its kind and the year its heading names (if any)."""

    label: str
    title: str
    line: int
    kind: PartKind
    year: int | None
    areas: list[Area] = field(default_factory=list)


@dataclass
class Tree:
    """The heading structure of a report plus the section path of every line.

    ``paths[i]`` is the path of line ``i + 1``; lines before the first part
    have the empty path.
    """

    parts: list[Part]
    paths: list[str]

    def part_of(self, line: int) -> Part | None:
        """The part that line ``line`` (1-based) belongs to, if any."""
        found = None
        for part in self.parts:
            if part.line <= line:
                found = part
        return found


def heading_title(text: str) -> str:
    """A heading's title: the text up to (not including) its first full stop."""
    stop = re.search(r"。|\.(?!\d)", text)
    return (text[: stop.start()] if stop else text).strip()


def inline_tasks(paragraph: str, line: int) -> list[Item]:
    """Tasks run together in one paragraph: ``…。一是扩大投资,…。二是提振消费,…``.

    Only a run that starts at 一是 and counts up without gaps is taken, each
    ordinal opening a sentence, so ``统一是`` or a lone ``二是`` never count.
    """
    found: list[Item] = []
    for m in _INLINE_TASK_RE.finditer(paragraph):
        if parse_chinese_integer(m.group(1)) != len(found) + 1:
            break
        found.append(Item(m.group(1), re.split(r"[,，]", heading_title(m.group(2)))[0], line))
    return found if len(found) >= 2 else []


def informal_heading(line: str, number: int) -> Part | None:
    """A short titled line that is not a numbered part but sets one's context.

    ``■ 2025年经济社会发展的主要预期目标`` in a summary: at most 40 characters,
    no sentence end, a year, and words of a review or a plan. Its label is
    empty; it never enters the tree.
    """
    title = _BULLETS.sub("", to_halfwidth(line)).strip()
    year = _YEAR_RE.search(title)
    if year is None or len(title) > 40 or "。" in title:
        return None
    kind = _part_kind(title)
    if kind is PartKind.OTHER:
        return None
    return Part("", title, number, kind, int(year.group(1)))


def _part_kind(title: str) -> PartKind:
    if any(word in title for word in _REVIEW_WORDS):
        return PartKind.REVIEW
    if any(word in title for word in _PLAN_WORDS):
        return PartKind.PLAN
    return PartKind.OTHER


def _next_label(label: str) -> str:
    number = parse_chinese_integer(label.strip("()")) + 1
    tens, ones = divmod(number, 10)
    text = (
        ("" if tens < 2 else _CN[tens - 1])
        + ("十" if tens else "")
        + (_CN[ones - 1] if ones else "")
    )
    return f"({text})"


def document_tree(text: str) -> Tree:
    """Parts, areas, items / tasks and per-line section paths of ``text``.

    Works on any text; a document without headings yields no parts and empty
    paths. Titles run up to the first 。 of the heading line.
    """
    parts: list[Part] = []
    paths: list[str] = []
    area: Area | None = None
    item: Item | None = None
    tail = ""
    for number, raw in enumerate(report_lines(text), start=1):
        line = to_halfwidth(raw).strip()
        part = parts[-1] if parts else None
        if m := _PART_RE.match(line):
            title = heading_title(m.group(2))
            year = _YEAR_RE.search(title)
            kind = _part_kind(title)
            parts.append(
                Part(m.group(1), title, number, kind, int(year.group(1)) if year else None)
            )
            area, item, tail = None, None, ""
            paths.append(m.group(1))
            continue
        if part is None:
            paths.append("")
            continue
        if m := _AREA_RE.match(line):
            area = Area(f"({m.group(1)})", heading_title(m.group(2)), number)
            part.areas.append(area)
            item, tail = None, ""
            area.items.extend(inline_tasks(m.group(2), number))
        elif (m := _ITEM_RE.match(line)) or (m := _TASK_RE.match(line)):
            if area is None:
                area = Area("", None, None)
                part.areas.append(area)
            if line[len(m.group(1))] == "是" and m.group(1) == "一" and area.items:
                area = Area(_next_label(area.label or "(零)"), None, None)
                area.note = (
                    f"heading missing in the text: a new run of 一是 starts at line {number}"
                )
                part.areas.append(area)
            item = Item(m.group(1), heading_title(m.group(2)), number)
            area.items.append(item)
            tail = ""
        elif line.startswith(_SUMMARY_OPENERS):
            area, item, tail = None, None, "总体来看"
        elif area is None and line.startswith("——"):
            tail = "概述"
        elif area is None and line and tail != "总体来看":
            tail = ""
        elif area is not None and item is None:
            area.items.extend(inline_tasks(line, number))
        paths.append(_path(part, area, item, tail))
    for part in parts:
        part.areas = [a for a in part.areas if a.label or a.items]
    return Tree(parts, paths)


def _path(part: Part, area: Area | None, item: Item | None, tail: str) -> str:
    segments = [part.label]
    if area is not None and area.label:
        segments.append(area.label)
    if item is not None:
        segments.append(item.label)
    elif area is None and tail:
        segments.append(tail)
    return "/".join(segments)
