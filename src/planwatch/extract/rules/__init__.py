"""Named rules that say what one number of a clause is about.

The clause reader builds a :class:`~planwatch.extract.rules.reading.Reading`
for each number and asks the rules in order; the first that recognises its
construction names the subject. ``FINAL_RULES`` give a name as it stands;
the names of ``RULES`` go through :func:`~planwatch.extract.rules.finish.finished`
(verdicts, stocks, topics, unit heads). A new construction is a new rule in
its own module, placed in the order where it must win over the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from planwatch.extract.records import Statement
from planwatch.extract.rules import carried_names as carried
from planwatch.extract.rules import counted_names as counted
from planwatch.extract.rules import own_change, plan_completion
from planwatch.extract.rules.finish import finished
from planwatch.extract.rules.reading import Reading
from planwatch.extract.statement_fields import build_statement

Rule = Callable[[Reading], str | None]

FINAL_RULES: tuple[Rule, ...] = (carried.run_length, carried.gap_in_points)

RULES: tuple[Rule, ...] = (
    carried.preset,
    own_change.bracketed_target,
    plan_completion.plan_amount,
    plan_completion.planned,
    plan_completion.given_task,
    plan_completion.completion_rate,
    own_change.surplus,
    own_change.rate_change,
    own_change.moved_from,
    own_change.moved_to,
    carried.rank,
    counted.structure,
    counted.served,
    carried.share,
    carried.held,
    counted.band,
    counted.inner_property,
    counted.first_tally,
    counted.second_tally,
    counted.count_before_object,
    carried.attribute,
    counted.counted_thing,
    carried.listed_member,
    carried.counted_rate,
)


def named_statement(r: Reading) -> tuple[Statement, int]:
    """The statement of the reading's number, and where the next number's left side starts."""
    for rule in FINAL_RULES:
        if (subject := rule(r)) is not None:
            r.ctx.subjects.append(r.carry or subject)
            return _statement(r, subject), r.hit.end
    subject = next((s for rule in RULES if (s := rule(r)) is not None), r.name)
    named = finished(r, subject)
    return _statement(r, named), max(r.consumed, r.hit.end)


def _statement(r: Reading, subject: str) -> Statement:
    start = r.position + r.dropped
    statement = build_statement(r.ctx, r.clause, r.part, r.hit, subject, start, r.verb)
    if r.status is not None:
        statement = replace(statement, status=r.status)
    return statement if r.period is None else replace(statement, period=r.period)
