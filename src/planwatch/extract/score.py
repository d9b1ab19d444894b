"""Scoring extracted statements against a gold standard.

A predicted statement *matches* a gold one when line, value and unit are the
same (values compared to 1e-9). Matching is one-to-one and greedy in document
order, so a line stating ``8个`` twice needs two predictions. Field accuracy is
computed over matched pairs only.

Subjects are compared two ways: ``subject`` requires the same text after
dropping quotation marks and spaces; ``subject_overlap`` is how a lenient
reader judges a name: it also accepts one name containing the other when the
shorter one still carries a head of its own — at least 3 characters and at
least half the longer name (污水处理率 for 城市生活污水处理率, not 程度 for
社会消费品零售总额增速目标实现程度, nor 处理率 alone) — or two names sharing
most character bigrams (Dice ≥ 0.6).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from planwatch.extract.records import Statement

FIELDS: tuple[str, ...] = (
    "subject",
    "subject_overlap",
    "qualifier",
    "status",
    "period",
    "measure",
    "cumulative",
)


@dataclass(frozen=True)
class Score:
    """Precision / recall / F1 of statement detection, and per-field accuracy on matches."""

    predicted: int
    gold: int
    matched: int
    field_accuracy: dict[str, float] = field(default_factory=dict)
    missed: tuple[Statement, ...] = ()
    spurious: tuple[Statement, ...] = ()
    field_errors: dict[str, tuple[tuple[Statement, Statement], ...]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.matched, self.predicted, self.gold)

    @property
    def full_f1(self) -> float:
        """F1 counting a statement found only when its number and every field are right
        (the subject leniently: ``subject_overlap``)."""
        wrong: set[int] = set()
        for name in FIELDS[1:]:
            wrong |= {id(p) for p, _ in self.field_errors.get(name, ())}
        return _f1(self.matched - len(wrong), self.predicted, self.gold)


def _f1(right: int, predicted: int, gold: int) -> float:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _key(s: Statement) -> tuple[int, float | None, str | None]:
    return s.line, None if s.value is None else round(s.value, 9), s.unit


def _plain(name: str) -> str:
    return "".join(c for c in name if c not in "“”\"'‘’ ()()")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def subjects_overlap(a: str, b: str) -> bool:
    """Whether two indicator names denote the same thing to a lenient reader."""
    x, y = _plain(a), _plain(b)
    if not x or not y:
        return x == y
    short, long = sorted((x, y), key=len)
    if short in long and len(short) >= max(3, len(long) / 2):
        return True
    bx, by = _bigrams(x), _bigrams(y)
    return 2 * len(bx & by) / (len(bx) + len(by)) >= 0.6


_CHECKS: dict[str, Callable[[Statement, Statement], bool]] = {
    "subject": lambda p, g: _plain(p.subject) == _plain(g.subject),
    "subject_overlap": lambda p, g: subjects_overlap(p.subject, g.subject),
    "qualifier": lambda p, g: p.qualifier == g.qualifier,
    "status": lambda p, g: p.status == g.status,
    "period": lambda p, g: p.period == g.period,
    "measure": lambda p, g: p.measure == g.measure,
    "cumulative": lambda p, g: p.cumulative == g.cumulative,
}


def score(statements: list[Statement], gold: list[Statement]) -> Score:
    """Compare ``statements`` with ``gold``; both in any order."""
    pool: dict[tuple[int, float | None, str | None], list[Statement]] = {}
    for g in gold:
        pool.setdefault(_key(g), []).append(g)
    pairs: list[tuple[Statement, Statement]] = []
    spurious: list[Statement] = []
    for s in statements:
        candidates = pool.get(_key(s))
        if candidates:
            best = next(
                (g for g in candidates if subjects_overlap(s.subject, g.subject)), candidates[0]
            )
            candidates.remove(best)
            pairs.append((s, best))
        else:
            spurious.append(s)
    missed = tuple(g for rest in pool.values() for g in rest)
    accuracy: dict[str, float] = {}
    errors: dict[str, tuple[tuple[Statement, Statement], ...]] = {}
    for name in FIELDS:
        wrong = tuple((p, g) for p, g in pairs if not _CHECKS[name](p, g))
        errors[name] = wrong
        accuracy[name] = 1 - len(wrong) / len(pairs) if pairs else 0.0
    return Score(
        predicted=len(statements),
        gold=len(gold),
        matched=len(pairs),
        field_accuracy=accuracy,
        missed=tuple(sorted(missed, key=lambda g: g.line)),
        spurious=tuple(spurious),
        field_errors=errors,
    )
