from __future__ import annotations

from planwatch.web.projects.models import ProblemEventRecord, ProblemRecord
from tests.web.api.conftest import UNSTEPPED_PROBLEM

NEW = {
    "code": "WT-2025-900",
    "source": "inspection",
    "link_kind": "project",
    "link": "2025-ZF-001",
    "description": "开工滞后",
    "department": "区应急管理局",
    "deadline": "2099-01-31",
    "severity": "high",
}


def test_problems_come_with_every_step_taken(register, dave):
    problems = dave.get("/api/problems", {"limit": 500}).json()["items"]
    assert problems
    stepped = [p for p in problems if p["history"]]
    assert stepped and stepped[0]["history"][-1]["after"] == stepped[0]["state"]


def test_one_problem_is_read_with_its_events_in_order(register, dave):
    problem = dave.get("/api/problems/WT-2025-018").json()
    assert [e["action"] for e in problem["history"]] == [
        "assign", "start", "submit", "send_back", "submit", "close",
    ]  # fmt: skip
    assert problem["state"] == "closed"
    assert dave.get("/api/problems/WT-NOPE").status_code == 404


def test_the_plan_office_reports_a_new_problem(register, alice):
    response = alice.post("/api/problems", NEW)
    assert response.status_code == 201, response.json()
    assert (response.json()["state"], response.json()["history"]) == ("found", [])
    again = alice.post("/api/problems", NEW)
    assert (again.status_code, again.json()["code"]) == (409, "conflict")


def test_a_new_problem_needs_a_known_department_and_a_deadline_not_in_the_past(register, alice):
    unknown = alice.post("/api/problems", {**NEW, "department": "区不存在局"})
    past = alice.post("/api/problems", {**NEW, "deadline": "2001-01-01"})
    assert [(r.status_code, r.json()["field"]) for r in (unknown, past)] == [
        (422, "department"),
        (422, "deadline"),
    ]


def test_clerks_and_leaders_cannot_report_a_problem(register, carol, dave):
    assert {
        carol.post("/api/problems", NEW).status_code,
        dave.post("/api/problems", NEW).status_code,
    } == {403}
    assert not ProblemRecord.objects.filter(code=NEW["code"]).exists()


def test_the_closed_loop_runs_through_the_api_by_role(register, alice, carol):
    alice.post("/api/problems", {**NEW, "department": "区商务委"})
    steps = f"/api/problems/{NEW['code']}/steps"
    assert alice.post(steps, {"action": "assign"}).json()["state"] == "assigned"
    assert carol.post(steps, {"action": "start"}).json()["state"] == "rectifying"
    submitted = carol.post(steps, {"action": "submit", "evidence": ["整改报告.pdf"]}).json()
    assert submitted["history"][-1]["evidence"] == ["整改报告.pdf"]
    back = alice.post(steps, {"action": "send_back", "note": "请补充照片"}).json()
    assert back["state"] == "rectifying"
    carol.post(steps, {"action": "submit", "evidence": ["照片.jpg"]})
    closed = alice.post(steps, {"action": "close", "note": "现场核查通过"}).json()
    assert closed["state"] == "closed"
    assert ProblemEventRecord.objects.filter(problem__code=NEW["code"]).count() == 6


def test_a_step_the_state_does_not_allow_is_a_conflict(register, alice):
    response = alice.post(f"/api/problems/{UNSTEPPED_PROBLEM}/steps", {"action": "close"})
    assert (response.status_code, response.json()["code"]) == (409, "illegal_transition")
    assert ProblemRecord.objects.get(code=UNSTEPPED_PROBLEM).state == "found"


def test_submitting_without_evidence_is_refused(register, alice, carol):
    alice.post("/api/problems", {**NEW, "department": "区商务委"})
    steps = f"/api/problems/{NEW['code']}/steps"
    alice.post(steps, {"action": "assign"})
    carol.post(steps, {"action": "start"})
    response = carol.post(steps, {"action": "submit", "evidence": ["  "]})
    assert (response.status_code, response.json()["code"]) == (409, "illegal_transition")


def test_an_unknown_action_is_bad_input(register, alice):
    response = alice.post(f"/api/problems/{UNSTEPPED_PROBLEM}/steps", {"action": "approve"})
    assert (response.status_code, response.json()["field"]) == (400, "action")


def test_a_department_takes_only_its_own_steps(register, alice, carol):
    steps = f"/api/problems/{UNSTEPPED_PROBLEM}/steps"  # 区体育局's problem
    assert carol.post(steps, {"action": "assign"}).status_code == 403
    alice.post(steps, {"action": "assign"})
    assert carol.post(steps, {"action": "start"}).status_code == 403
    assert ProblemRecord.objects.get(code=UNSTEPPED_PROBLEM).state == "assigned"
