from __future__ import annotations

from planwatch.web.projects.models import ProgressRecord, ProjectRecord
from tests.web.api.conftest import COMMERCE_PROJECT, OTHER_PROJECT


def test_the_register_is_listed_by_year_and_department(register, dave):
    every = dave.get("/api/projects", {"year": 2025}).json()
    assert every["count"] > 0
    department = every["items"][0]["department"]
    mine = dave.get("/api/projects", {"year": 2025, "department": department}).json()
    assert 0 < mine["count"] <= every["count"]
    assert {p["department"] for p in mine["items"]} == {department}


def test_the_lagging_filter_keeps_only_projects_lagging_at_that_month(register, dave):
    june = dave.get("/api/projects", {"month": "2025-06", "lagging": True, "limit": 500}).json()
    assert june["count"] > 0
    assert {p["status"]["lagging"] for p in june["items"]} == {True}
    assert {p["status"]["month"] for p in june["items"]} == {"2025-06"}


def test_category_level_and_town_filters_combine(register, dave):
    kept = dave.get("/api/projects", {"category": "new", "level": "general", "limit": 500}).json()
    assert kept["count"] > 0
    assert {(p["category"], p["level"]) for p in kept["items"]} == {("new", "general")}
    town = kept["items"][0]["town"]
    there = dave.get("/api/projects", {"category": "new", "town": town}).json()
    assert {p["town"] for p in there["items"]} == {town}


def test_totals_sum_what_the_same_filters_keep(register, dave):
    filters = {"month": "2025-06", "department": "区商务委"}
    totals = dave.get("/api/project-totals", filters).json()
    listed = dave.get("/api/projects", {**filters, "limit": 500}).json()["items"]
    assert totals["count"] == len(listed)
    assert totals["annual_plan"] == sum(p["annual_plan"] for p in listed)
    assert totals["lagging"] == sum(p["status"]["lagging"] for p in listed)


def test_a_month_outside_the_year_asked_is_bad_input(register, dave):
    response = dave.get("/api/projects", {"year": 2025, "month": "2024-06"})
    assert (response.status_code, response.json()["field"]) == (422, "month")


def test_a_year_without_projects_is_not_found(register, dave):
    assert dave.get("/api/projects", {"year": 2031}).status_code == 404


def test_one_project_comes_with_milestones_monthly_progress_and_version(register, dave):
    project = dave.get(f"/api/projects/{OTHER_PROJECT}").json()
    assert [m["name"] for m in project["milestones"]] == ["开工", "主体完工", "竣工"]
    assert [r["month"] for r in project["progress"]][:2] == ["2025-01", "2025-02"]
    # judged as of the plan's default month (September: the latest month most indicators
    # reported in the demo), not as of the latest project report (October)
    assert (project["status"]["month"], project["progress"][-1]["month"]) == ("2025-09", "2025-10")
    december = dave.get(f"/api/projects/{OTHER_PROJECT}", {"month": "2025-12"}).json()
    assert not december["status"]["reported"]  # 未报 for December, not judged on October
    october = dave.get(f"/api/projects/{OTHER_PROJECT}", {"month": "2025-10"}).json()
    assert october["status"]["reported"]
    assert project["version"] == 0


def test_an_unknown_project_is_not_found_with_the_error_body(register, dave):
    response = dave.get("/api/projects/NOPE-1")
    assert response.status_code == 404
    assert set(response.json()) == {"code", "message", "field"}


def test_the_owning_department_reports_a_new_month(register, carol):
    report = {"month": "2025-11", "completed": 25000.5, "narrative": "主体施工"}
    response = carol.post(f"/api/projects/{COMMERCE_PROJECT}/progress", report)
    assert response.status_code == 201, response.json()
    stored = ProgressRecord.objects.get(project__code=COMMERCE_PROJECT, month=11)
    assert (str(stored.completed), stored.submitted_by) == ("25000.50", "carol")


def test_a_second_report_of_a_month_is_a_revision_that_needs_a_reason(register, alice):
    path = f"/api/projects/{COMMERCE_PROJECT}/progress"
    before = ProgressRecord.objects.get(project__code=COMMERCE_PROJECT, month=6).completed
    bare = alice.post(path, {"month": "2025-06", "completed": float(before) + 1})
    assert (bare.status_code, bare.json()["field"]) == (422, "reason")
    assert "修改原因" in bare.json()["message"]
    revised = alice.post(
        path, {"month": "2025-06", "completed": float(before) + 1, "reason": "更正统计口径"}
    )
    assert revised.status_code == 201, revised.json()
    record = ProgressRecord.objects.get(project__code=COMMERCE_PROJECT, month=6)
    assert record.completed == before + 1
    latest = record.history.latest()
    assert (latest.history_user.username, latest.history_change_reason) == ("alice", "更正统计口径")


def test_a_long_reason_is_kept_whole_in_the_history(register, alice):
    path = f"/api/projects/{COMMERCE_PROJECT}/progress"
    before = ProgressRecord.objects.get(project__code=COMMERCE_PROJECT, month=6).completed
    why = "按区统计局反馈更正统计口径," * 25  # 350 characters, within the API's 500
    revised = alice.post(path, {"month": "2025-06", "completed": float(before) + 1, "reason": why})
    assert revised.status_code == 201, revised.json()
    record = ProgressRecord.objects.get(project__code=COMMERCE_PROJECT, month=6)
    assert record.history.latest().history_change_reason == why


def test_a_report_above_the_total_investment_is_refused(register, alice):
    path = f"/api/projects/{COMMERCE_PROJECT}/progress"
    response = alice.post(path, {"month": "2025-11", "completed": 999999999, "reason": "确认"})
    assert (response.status_code, response.json()["field"]) == (422, "completed")
    assert "总投资" in response.json()["message"]


def test_progress_is_refused_as_the_workbook_import_refuses_it(register, alice):
    path = f"/api/projects/{COMMERCE_PROJECT}/progress"
    negative = alice.post(path, {"month": "2025-11", "completed": -1})
    other_year = alice.post(path, {"month": "2026-01", "completed": 1})
    late = alice.post(path, {"month": "2025-11", "completed": 1, "reached": {"竣工": "2025-12-02"}})
    assert [(r.status_code, r.json()["field"]) for r in (negative, other_year, late)] == [
        (422, "completed"),
        (422, "month"),
        (422, "reached"),
    ]
    assert not ProgressRecord.objects.filter(project__code=COMMERCE_PROJECT, month=11).exists()


def test_the_plan_office_changes_a_project_at_the_version_it_read(register, alice):
    path = f"/api/projects/{OTHER_PROJECT}"
    version = alice.get(path).json()["version"]
    change = {"version": version, "reason": "调整计划", "annual_plan": 3100, "leader": "区领导甲"}
    changed = alice.patch(path, change)
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["annual_plan"], changed.json()["leader"]) == (3100, "区领导甲")
    assert changed.json()["version"] > version
    stale = alice.patch(path, {**change, "annual_plan": 3200})
    assert (stale.status_code, stale.json()["code"]) == (409, "conflict")
    assert ProjectRecord.objects.get(code=OTHER_PROJECT).history.latest().history_user.username == (
        "alice"
    )


def test_a_change_the_register_would_refuse_is_bad_input(register, alice):
    path = f"/api/projects/{OTHER_PROJECT}"
    base = {"version": 0, "reason": "x"}
    above_total = alice.patch(path, {**base, "annual_plan": 99999999})
    milestone_outside = alice.patch(path, {**base, "milestones": {"开工": "2020-01-01"}})
    unknown_department = alice.patch(path, {**base, "department": "区不存在局"})
    assert [r.json()["field"] for r in (above_total, milestone_outside, unknown_department)] == [
        "annual_plan",
        "milestones",
        "department",
    ]
    assert {r.status_code for r in (above_total, milestone_outside, unknown_department)} == {422}


def test_milestones_are_replaced_as_a_whole(register, alice):
    path = f"/api/projects/{OTHER_PROJECT}"
    change = {"version": 0, "reason": "节点调整", "milestones": {"开工": "2025-05-01"}}
    assert alice.patch(path, change).status_code == 200
    assert alice.get(path).json()["milestones"] == [{"name": "开工", "planned": "2025-05-01"}]


def test_clerks_and_leaders_cannot_change_a_project(register, carol, dave):
    change = {"version": 0, "reason": "x", "name": "x"}
    for caller in (carol, dave):
        assert caller.patch(f"/api/projects/{COMMERCE_PROJECT}", change).status_code == 403


def test_the_public_cannot_read_projects(register, erin):
    assert erin.get("/api/projects").status_code == 403


def test_a_leader_reads_but_never_reports_progress(register, dave):
    response = dave.post(
        f"/api/projects/{COMMERCE_PROJECT}/progress", {"month": "2025-11", "completed": 1}
    )
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


def test_every_progress_write_is_in_the_audit_log(register, alice):
    path = f"/api/projects/{COMMERCE_PROJECT}/progress"
    alice.post(path, {"month": "2025-11", "completed": 25000, "narrative": "主体施工"})
    alice.post(path, {"month": "2025-11", "completed": 25100, "reason": "补报月末支付"})
    changes = alice.get("/api/audit", {"what": "progress"}).json()
    assert [(c["who"], c["action"], c["why"]) for c in changes] == [
        ("alice", "changed", "补报月末支付"),
        ("alice", "created", ""),
    ]
    completed = next(f for f in changes[0]["fields"] if f["field"] == "completed")
    assert (completed["old"], completed["new"]) == ("25000.00", "25100.00")
