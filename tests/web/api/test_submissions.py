from __future__ import annotations

import pytest

from planwatch.web.plan.models import ObservationRecord
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def submit(caller, code="gdp_growth", **entry):
    body = {"period": "2025-Q1", "value": 5.8, "submit": True, **entry}
    return caller.post(f"/api/indicators/{indicator(code).pk}/submissions", body)


def test_a_submitted_value_becomes_an_observation_when_the_plan_office_approves(alice, bob):
    created = submit(bob)
    assert (created.status_code, created.json()["state"]) == (201, "submitted")
    approved = alice.post(f"/api/submissions/{created.json()['id']}/approve")
    assert approved.json()["state"] == "approved"
    stored = ObservationRecord.objects.get(pk=approved.json()["observation_id"])
    assert (stored.value, stored.period) == (5.8, "2025-Q1")


def test_approving_twice_is_a_conflict_and_clerks_cannot_approve(alice, bob):
    pk = submit(bob).json()["id"]
    assert bob.post(f"/api/submissions/{pk}/approve").status_code == 403
    assert alice.post(f"/api/submissions/{pk}/approve").status_code == 200
    assert alice.post(f"/api/submissions/{pk}/approve").status_code == 409


def test_another_department_cannot_submit_or_change_a_submission(bob, carol):
    assert submit(carol).status_code == 403
    draft = submit(bob, submit=False).json()
    pk, change = draft["id"], {"period": "2025-Q1", "value": 5.9, "version": draft["version"]}
    assert carol.put(f"/api/submissions/{pk}", change).status_code == 403
    assert bob.put(f"/api/submissions/{pk}", change).json()["value"] == 5.9


def test_a_returned_submission_carries_the_reason_and_can_be_corrected(alice, bob):
    pk = submit(bob).json()["id"]
    assert alice.post(f"/api/submissions/{pk}/return", {"reason": ""}).status_code == 400
    returned = alice.post(f"/api/submissions/{pk}/return", {"reason": "口径不符"}).json()
    assert (returned["state"], returned["review_comment"]) == ("returned", "口径不符")
    change = {"period": "2025-Q1", "value": 6.0, "submit": True, "version": returned["version"]}
    fixed = bob.put(f"/api/submissions/{pk}", change)
    assert fixed.json()["state"] == "submitted"


def test_submissions_are_listed_by_department_and_state(alice, bob):
    submit(bob)
    submit(bob, period="2025-Q2", submit=False)
    drafts = alice.get("/api/submissions", {"department": "区统计局", "state": "draft"}).json()
    assert [s["period"] for s in drafts["items"]] == ["2025-Q2"]


def test_submissions_appear_in_the_audit_log(alice, bob):
    pk = submit(bob).json()["id"]
    alice.post(f"/api/submissions/{pk}/approve")
    changes = alice.get("/api/audit", {"what": "submission", "object_id": pk}).json()
    assert [c["action"] for c in changes] == ["changed", "created"]
    assert {"field": "state", "old": "submitted", "new": "approved"} in changes[0]["fields"]


def test_the_review_queue_holds_every_pending_submission_oldest_first(alice, bob):
    first, second = submit(bob).json()["id"], submit(bob, period="2025-Q2").json()["id"]
    submit(bob, period="2025-Q3", submit=False)
    assert [s["id"] for s in alice.get("/api/submissions/queue").json()["items"]] == [first, second]
    assert bob.get("/api/submissions/queue").status_code == 403


def test_a_submission_is_checked_against_the_indicators_rules(alice, bob):
    alice.put(f"/api/indicators/{indicator('gdp_growth').pk}/rules", {"max_jump": 2})
    jump = submit(bob, period="2025", value=1.0)  # the 2024 estimate was 6.5
    assert (jump.status_code, jump.json()["field"]) == (422, "note")
    assert submit(bob, period="2025", value=1.0, note="受灾影响").status_code == 201
