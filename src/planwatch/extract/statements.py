"""The statement extractor: report text → one :class:`Statement` per stated number.

Reading order is line → sentence → clause → number (see
:mod:`planwatch.extract.clause_reader` for what happens inside a clause).
This module decides what holds for a whole sentence:

* **status** — from the part it sits in (review → actual, plan → target), 预计
  turning the part of its sentence between semicolons, a following 其中
  sentence, or a whole paragraph it opens into estimates
  (:mod:`planwatch.extract.estimates`);
  parts of no recognisable kind fall back on words such as 力争 and 预计;
* **section** — the line's path, or the task's when tasks run together in
  one paragraph (…。一是扩大投资,…。二是…);
* **period** — the year named by the part heading, else by the document's
  first lines (the review year, and the year after it for the plan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.core.numbers import to_halfwidth
from planwatch.extract.clause_reader import clause_statements
from planwatch.extract.estimates import estimated_parts, in_parts, paragraph_estimated
from planwatch.extract.lexicon import TARGET_MARKERS
from planwatch.extract.records import Statement, Status
from planwatch.extract.sections import Part, PartKind, Tree, document_tree, informal_heading
from planwatch.extract.sentences import clauses, report_lines, sentences
from planwatch.extract.statement_fields import ClauseContext

_TASK_OPENING = re.compile(r"^([一二三四五六七八九十]{1,3})是")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d) ?年")
# "2025年是“十四五”收官之年": the year a report plans for introduces itself so.
_PLAN_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d) ?年是[^。]{0,40}之年")


@dataclass
class _Years:
    review: int | None
    plan: int | None


def extract_statements(text: str) -> list[Statement]:
    """Every quantitative statement of ``text``, in document order.

    ``text`` is the report as plain text, one paragraph per line; line numbers
    in the result are 1-based lines of ``text``. Never raises on odd input: a
    text without numbers yields ``[]``.
    """
    tree = document_tree(text)
    years = _document_years(text, tree)
    inline_labels = _inline_task_labels(tree)
    found: list[Statement] = []
    context_heading: Part | None = None
    for number, line in enumerate(report_lines(text), start=1):
        part = tree.part_of(number)
        if part is None:
            context_heading = informal_heading(line, number) or context_heading
            part = context_heading
        previous_estimate = False
        previous_subjects: list[str] = []
        line_plain = to_halfwidth(line)
        paragraph = paragraph_estimated(line_plain)
        section = tree.paths[number - 1]
        inline = frozenset(
            label for label in inline_labels.get(number, ()) if not section.endswith(f"/{label}")
        )
        for sentence in sentences(line):
            plain = line_plain[sentence.start : sentence.end].strip()
            if (task := _TASK_OPENING.match(plain)) and task.group(1) in inline:
                section = f"{tree.paths[number - 1]}/{task.group(1)}"
            parts = estimated_parts(line_plain[sentence.start : sentence.end])
            whole = paragraph or (previous_estimate and plain.startswith("其中"))
            estimate = whole or bool(parts)
            previous_estimate = estimate
            status = _status(part, plain, estimate)
            year = _year(part, status, years, plain)
            context = ClauseContext(line, line_plain, number, section, status, year)
            if plain.startswith("其中") and previous_subjects:
                context.parent = previous_subjects[0]
            for clause in clauses(sentence):
                if estimate and not whole:
                    reached = in_parts(clause.start - sentence.start, parts)
                    if (clause_status := _status(part, plain, reached)) is not context.status_of:
                        context.status_of = clause_status
                        context.period = _year(part, clause_status, years, plain)
                context.action = context.verb = context.unit = None
                context.counted = context.tally = ""
                clause_statements(context, clause, part)
            found.extend(context.made)
            previous_subjects = context.subjects
    return found


def _inline_task_labels(tree: Tree) -> dict[int, list[str]]:
    """Labels of the tasks run together on a line (一是…。二是…), by line number."""
    labels: dict[int, list[str]] = {}
    for part in tree.parts:
        for area in part.areas:
            for item in area.items:
                labels.setdefault(item.line, []).append(item.label)
    return labels


def _document_years(text: str, tree: Tree) -> _Years:
    review = next((p.year for p in tree.parts if p.kind is PartKind.REVIEW and p.year), None)
    plan = next((p.year for p in tree.parts if p.kind is PartKind.PLAN and p.year), None)
    if plan is None and (stated := _PLAN_YEAR_RE.search(text)):
        plan = int(stated.group(1))
    if review is None or plan is None:
        head = "\n".join(report_lines(text)[:40])
        named = sorted({int(y) for y in _YEAR_RE.findall(head)})
        if review is None and named:
            review = named[0] if plan is None else plan - 1
        if plan is None and review is not None:
            plan = review + 1
    return _Years(review, plan)


def _status(part: Part | None, sentence: str, estimate: bool) -> Status:
    kind = part.kind if part else PartKind.OTHER
    if kind is PartKind.PLAN:
        return Status.TARGET
    if estimate:
        return Status.ESTIMATE
    if kind is PartKind.REVIEW:
        return Status.ACTUAL
    return Status.TARGET if any(m in sentence for m in TARGET_MARKERS) else Status.ACTUAL


def _year(part: Part | None, status: Status, years: _Years, sentence: str) -> str:
    if part is not None and part.year is not None:
        return str(part.year)
    if part is None and (named := _YEAR_RE.search(sentence)):
        return named.group(1)
    year = years.plan if status is Status.TARGET else years.review
    return "" if year is None else str(year)
