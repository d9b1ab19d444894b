from __future__ import annotations

from planwatch.web.projects.models import TaskProgressRecord
from tests.web.api.conftest import COMMERCE_SUB_TARGET, OTHER_SUB_TARGET


def test_the_tree_runs_from_areas_to_judged_sub_targets(register, dave):
    tree = dave.get("/api/tasks/2025").json()
    assert (tree["year"], tree["period"]) == (2025, "2025-Q3")
    subs = [s for a in tree["areas"] for t in a["tasks"] for s in t["sub_targets"]]
    assert {s["milestone"] for s in subs} == {True, False}
    quantity = next(s for s in subs if s["code"] == OTHER_SUB_TARGET)
    assert quantity["verdict"] in {"above", "met", "below"}
    assert quantity["actual"] is not None
    milestone = next(s for s in subs if s["milestone"])
    assert milestone["verdict"] in {"done", "on_time", "overdue"}


def test_the_tree_judges_as_the_web_page_does(register, dave):
    from django.utils import timezone

    from planwatch.web.projects import pages

    _, areas = pages.task_tree("2025", timezone.localdate())
    page = {v.sub_target.code: v for a in areas for n in a.tasks for v in n.sub_targets}
    tree = dave.get("/api/tasks/2025").json()
    for sub in (s for a in tree["areas"] for t in a["tasks"] for s in t["sub_targets"]):
        judged = page[sub["code"]]
        expected = judged.evaluation.verdict if judged.evaluation else judged.milestone
        assert sub["verdict"] == expected.value


def test_a_year_without_tasks_is_not_found(register, dave):
    assert dave.get("/api/tasks/2030").status_code == 404


def test_one_task_comes_with_every_quarterly_report(register, dave):
    task = dave.get("/api/tasks/2025/1-1").json()
    assert task["lead"] == "区经济信息委"
    assert {r["period"] for r in task["progress"] if r["sub_target"] == OTHER_SUB_TARGET} >= {
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
    }
    assert dave.get("/api/tasks/2025/9-9").status_code == 404


def test_the_lead_department_reports_a_quarter(register, carol):
    response = carol.post(
        f"/api/sub-targets/{COMMERCE_SUB_TARGET}/progress",
        {"period": "2025-Q4", "value": 82.0, "note": "全年实际"},
    )
    assert response.status_code == 201, response.json()
    stored = TaskProgressRecord.objects.get(sub_target__code=COMMERCE_SUB_TARGET, quarter=4)
    assert (stored.value, stored.source) == (82.0, "carol")


def test_another_department_cannot_report_on_a_sub_target(register, carol):
    response = carol.post(
        f"/api/sub-targets/{OTHER_SUB_TARGET}/progress", {"period": "2025-Q4", "value": 1}
    )
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


def test_a_quantity_is_reported_with_a_value_not_a_date(register, alice):
    response = alice.post(
        f"/api/sub-targets/{COMMERCE_SUB_TARGET}/progress",
        {"period": "2025-Q4", "done_on": "2025-12-01"},
    )
    assert (response.status_code, response.json()["field"]) == (422, "done_on")


def test_a_report_for_a_year_without_the_sub_target_is_not_found(register, alice):
    response = alice.post(
        f"/api/sub-targets/{COMMERCE_SUB_TARGET}/progress", {"period": "2026-Q1", "value": 1}
    )
    assert response.status_code == 404


def test_a_value_beyond_any_sane_multiple_of_the_target_is_refused(register, alice):
    path = f"/api/sub-targets/{OTHER_SUB_TARGET}/progress"
    for value in (1e30, -5.0):
        response = alice.post(path, {"period": "2025-Q4", "value": value})
        assert (response.status_code, response.json()["field"]) == (422, "value"), value
    assert not TaskProgressRecord.objects.filter(sub_target__code=OTHER_SUB_TARGET, quarter=4)


def test_a_quarter_reported_again_is_a_revision_that_needs_a_reason(register, alice):
    path = f"/api/sub-targets/{COMMERCE_SUB_TARGET}/progress"
    bare = alice.post(path, {"period": "2025-Q3", "value": 81.0})
    assert (bare.status_code, bare.json()["field"]) == (422, "reason")
    revised = alice.post(path, {"period": "2025-Q3", "value": 81.0, "reason": "核实后更正"})
    assert revised.status_code == 201, revised.json()
    record = TaskProgressRecord.objects.get(sub_target__code=COMMERCE_SUB_TARGET, quarter=3)
    old, new = record.history.order_by("history_id")
    assert (old.value, new.value, new.history_change_reason) == (80.26, 81.0, "核实后更正")
    assert new.history_user.username == "alice"


def test_every_2025_report_renders_with_a_huge_value_stored_before_the_bounds(register, dave):
    TaskProgressRecord.objects.filter(sub_target__code=OTHER_SUB_TARGET, quarter=3).update(
        value=1e30
    )
    for fmt in ("md", "html"):
        response = dave.get(f"/api/regions/fuling/reports/annual/2025?format={fmt}")
        assert response.status_code == 200, (fmt, response.content[:300])
