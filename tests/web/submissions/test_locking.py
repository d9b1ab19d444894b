"""Optimistic locking of submissions: a change sends the version it read; a stale one is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from planwatch.core.errors import InvalidValue
from planwatch.services import value_reads, values
from planwatch.services.values import Entry
from planwatch.web.errors import Conflict
from planwatch.web.submissions.models import Submission
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def who(caller) -> User:
    return User.objects.get(username=caller.username)


def draft(bob) -> Submission:
    gdp = indicator("gdp_growth").id
    return values.save_value_draft(actor=who(bob), indicator_id=gdp, entry=Entry("2025-Q3", 6.0))


def change(caller, submission: Submission, version: int | None, value: float) -> Submission:
    return values.save_value_draft(
        actor=who(caller),
        indicator_id=submission.indicator_id,
        entry=Entry("2025-Q3", value),
        submission_id=submission.id,
        version=version,
    )


def test_a_change_at_the_version_read_is_saved_and_moves_the_version_on(bob):
    first = draft(bob)
    read = value_reads.version_of(first)
    saved = change(bob, first, read, 6.1)
    assert saved.value == 6.1 and value_reads.version_of(saved) > read


def test_a_stale_change_is_refused_and_the_newer_value_kept(alice, bob):
    first = draft(bob)
    read = value_reads.version_of(first)
    change(alice, first, read, 6.3)  # the plan office saved in between
    with pytest.raises(Conflict, match="已被他人修改"):
        change(bob, first, read, 6.1)
    assert Submission.objects.get(id=first.id).value == 6.3


def test_a_change_without_a_version_is_refused(bob):
    with pytest.raises(InvalidValue, match="版本号"):
        change(bob, draft(bob), None, 6.1)


def test_approving_a_submission_changed_since_it_was_read_is_refused(alice, bob):
    first = draft(bob)
    read = value_reads.version_of(first)
    change(bob, first, read, 6.1)
    values.submit_value(
        actor=who(bob),
        indicator_id=first.indicator_id,
        entry=Entry("2025-Q3", 6.1),
        submission_id=first.id,
        version=value_reads.version_of(Submission.objects.get(id=first.id)),
    )
    with pytest.raises(Conflict):
        values.approve_value(actor=who(alice), submission_id=first.id, version=read)


def test_the_api_answers_409_to_a_stale_put(alice, bob):
    made = bob.post(
        f"/api/indicators/{indicator('gdp_growth').pk}/submissions",
        {"period": "2025-Q3", "value": 6.0},
    ).json()
    body = {"period": "2025-Q3", "value": 6.2, "version": made["version"]}
    assert alice.put(f"/api/submissions/{made['id']}", body).status_code == 200
    stale = bob.put(f"/api/submissions/{made['id']}", {**body, "value": 6.1})
    assert (stale.status_code, stale.json()["code"]) == (409, "conflict")
    assert "重新打开" in stale.json()["message"]
    assert (
        bob.put(f"/api/submissions/{made['id']}", {"period": "2025-Q3", "value": 1}).status_code
        == 400
    )
