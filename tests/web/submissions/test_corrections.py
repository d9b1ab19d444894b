"""Corrections after approval: a new revision with a reason, approved again, the old value kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from planwatch.core.errors import InvalidValue
from planwatch.services import value_reads, values
from planwatch.services.evaluation import evaluate
from planwatch.services.values import Entry
from planwatch.web.editing.audit import Filters, log
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions import periods
from planwatch.web.submissions.models import State
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def who(caller) -> User:
    return User.objects.get(username=caller.username)


def approved(alice, bob, value: float = 7.2):
    submission = values.submit_value(
        actor=who(bob),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2024", value),
    )
    return values.approve_value(actor=who(alice), submission_id=submission.id)


def gdp_2024() -> float:
    result = evaluate("fuling", 2024)
    return next(e.actual for e in result.evaluations if e.indicator.code == "gdp_growth")


def test_a_correction_is_a_new_revision_that_supersedes_the_value_when_approved(alice, bob):
    original = approved(alice, bob, 7.2)
    assert gdp_2024() == 7.2
    fix = correct(
        actor=who(bob), submission_id=original.id, entry=Entry("2024", 7.0), reason="统计局终审数"
    )
    assert (fix.state, fix.corrects_id, fix.reason) == (
        State.SUBMITTED,
        original.id,
        "统计局终审数",
    )
    assert gdp_2024() == 7.2  # until the plan office approves it
    values.approve_value(actor=who(alice), submission_id=fix.id)
    assert gdp_2024() == 7.0
    current = ObservationRecord.objects.filter(indicator__code="gdp_growth", period="2024")
    assert sorted(current.values_list("origin", "value")) == [
        ("dataset:fuling", 6.5),  # the published estimate stays beside the actual
        (f"submission:{fix.id}", 7.0),
    ]
    changes = log(actor=who(alice), filters=Filters(what="observation"))
    deleted = next(c for c in changes if c.action == "deleted")
    assert deleted.why == f"由报送 #{fix.id} 更正:统计局终审数"
    assert ("value", 7.2, 7.2) in deleted.fields  # the old value, kept in the history


def test_an_approved_value_is_locked_and_a_correction_needs_a_reason(alice, bob):
    original = approved(alice, bob)
    with pytest.raises(Conflict):
        value_reads.editable(actor=who(bob), submission_id=original.id)
    with pytest.raises(InvalidValue, match="原因"):
        correct(actor=who(bob), submission_id=original.id, entry=Entry("2024", 7.0), reason=" ")


def test_a_correction_keeps_the_period_and_only_one_is_pending(alice, bob):
    original = approved(alice, bob)
    with pytest.raises(InvalidValue, match="报告期"):
        correct(actor=who(bob), submission_id=original.id, entry=Entry("2024-Q4", 7.0), reason="x")
    correct(actor=who(bob), submission_id=original.id, entry=Entry("2024", 7.0), reason="x")
    with pytest.raises(Conflict, match="已有一条更正"):
        correct(actor=who(bob), submission_id=original.id, entry=Entry("2024", 6.9), reason="y")


def test_only_the_departments_clerk_or_the_office_corrects(alice, bob, carol, dave):
    original = approved(alice, bob)
    for caller in (carol, dave):
        with pytest.raises(Forbidden):
            correct(
                actor=who(caller), submission_id=original.id, entry=Entry("2024", 7.0), reason="x"
            )


def test_a_draft_cannot_be_corrected_and_a_correction_goes_through_the_rules(alice, bob):
    draft = values.save_value_draft(
        actor=who(bob), indicator_id=indicator("gdp_growth").id, entry=Entry("2024", 7.0)
    )
    with pytest.raises(Conflict):
        correct(actor=who(bob), submission_id=draft.id, entry=Entry("2024", 7.1), reason="x")


def test_a_correction_is_accepted_in_a_closed_period(alice, bob):
    submission = values.submit_value(
        actor=who(bob),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2025-Q3", 6.0),
    )
    values.approve_value(actor=who(alice), submission_id=submission.id)
    periods.open_period(
        actor=who(alice), region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
    )
    periods.close_period(actor=who(alice), region_code="fuling", period="2025-Q3")
    fix = correct(
        actor=who(bob), submission_id=submission.id, entry=Entry("2025-Q3", 6.2), reason="修订"
    )
    assert values.approve_value(actor=who(alice), submission_id=fix.id).state == State.APPROVED


def test_the_api_files_a_correction(alice, bob):
    original = approved(alice, bob)
    path = f"/api/submissions/{original.id}/corrections"
    assert bob.post(path, {"value": 7.0, "reason": ""}).status_code == 400
    made = bob.post(path, {"value": 7.0, "reason": "终审"})
    assert (made.status_code, made.json()["corrects_id"], made.json()["period"]) == (
        201,
        original.id,
        "2024",
    )
    assert bob.post(path, {"value": 7.1, "reason": "再改"}).status_code == 409


def correct(*, actor, submission_id, entry, reason):
    """File a correction of an approved submission's current value."""
    original = value_reads.correctable(actor=actor, submission_id=submission_id)
    return values.correct_value(
        actor=actor, observation_id=original.observation_id, entry=entry, reason=reason
    )
