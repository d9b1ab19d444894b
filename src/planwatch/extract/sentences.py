"""Sentences and clauses of a report line, with their offsets in the line.

A sentence ends at 。！？ (full- or half-width); a clause ends at a comma,
semicolon or colon. The enumeration comma 、 never ends a clause: it joins
the members of a list, which the statement extractor reads together.
Offsets are into the original line so quotes stay exact substrings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。!?！？]")
# A colon between digits (9:38:53) writes a ratio and ends no clause.
_CLAUSE_END = re.compile(r"[,;，；]|(?<!\d)[:：]|[:：](?!\d)")


@dataclass(frozen=True)
class Span:
    """A piece of a line: ``text == line[start:end]``."""

    text: str
    start: int
    end: int


def _split(text: str, offset: int, pattern: re.Pattern[str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in pattern.finditer(text):
        if m.start() > start:
            spans.append(Span(text[start : m.start()], offset + start, offset + m.start()))
        start = m.end()
    if start < len(text):
        spans.append(Span(text[start:], offset + start, offset + len(text)))
    return [s for s in spans if s.text.strip()]


def report_lines(text: str) -> list[str]:
    """The lines of a report as an editor numbers them: split at ``\n`` only.

    A trailing ``\r`` is dropped; form feeds and other separators that
    :meth:`str.splitlines` would also split at stay inside their line, so line
    numbers match the file's.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


def sentences(line: str) -> list[Span]:
    """The non-blank sentences of ``line``, without their end marks."""
    return _split(line, 0, _SENTENCE_END)


def clauses(sentence: Span) -> list[Span]:
    """The non-blank clauses of a sentence, offsets still relative to the line."""
    return _split(sentence.text, sentence.start, _CLAUSE_END)
