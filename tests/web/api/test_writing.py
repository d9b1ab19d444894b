from __future__ import annotations

import pytest

from planwatch.web.editing import observations
from planwatch.web.editing.models import ValidationRule
from planwatch.web.plan.models import ObservationRecord, TargetRecord
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def gdp() -> int:
    return indicator("gdp_growth").pk


def enter(caller, pk, **entry):
    return caller.post(f"/api/indicators/{pk}/observations", {"period": "2025", **entry})


def test_the_owning_department_enters_a_value_and_history_names_it(bob):
    response = enter(bob, gdp(), value=6.1, note="快报", reason="季度快报")
    assert response.status_code == 201, response.json()
    stored = ObservationRecord.objects.get(pk=response.json()["observation"]["id"])
    latest = stored.history.latest()
    assert (latest.history_user.username, latest.history_change_reason) == ("bob", "季度快报")


def test_another_department_is_refused_on_every_value_write(bob, carol):
    created = enter(bob, gdp(), value=6.1).json()["observation"]
    path = f"/api/observations/{created['id']}"
    change = {"period": "2025", "value": 1, "version": created["version"], "reason": "x"}
    refused = [
        enter(carol, gdp(), value=1.0),
        carol.put(path, change),
        carol.delete(path + f"?version={created['version']}&reason=x"),
        carol.post(
            "/api/imports/observations",
            {"reason": "x", "rows": [[gdp(), {"period": "2026", "value": 1}]]},
        ),
    ]
    assert [r.status_code for r in refused] == [403] * 4
    assert {r.json()["code"] for r in refused} == {"forbidden"}
    assert ObservationRecord.objects.get(pk=created["id"]).value == 6.1


def test_clerks_and_leaders_cannot_change_indicators_targets_or_rules(bob, dave):
    pk, version = gdp(), 0
    for caller in (bob, dave):
        assert (
            caller.patch(
                f"/api/indicators/{pk}", {"version": version, "reason": "x", "name": "x"}
            ).status_code
            == 403
        )
        assert (
            caller.put(
                f"/api/indicators/{pk}/targets/2026", {"form": "positive", "text": "正增长"}
            ).status_code
            == 403
        )
        assert caller.put(f"/api/indicators/{pk}/rules", {"maximum": 10}).status_code == 403


def test_the_second_of_two_concurrent_edits_is_refused_and_nothing_is_overwritten(alice, bob):
    created = enter(bob, gdp(), value=6.1).json()["observation"]
    path = f"/api/observations/{created['id']}"
    first = {"period": "2025", "value": 6.2, "version": created["version"], "reason": "更正"}
    second = {**first, "value": 9.9, "reason": "另一人更正"}
    assert bob.put(path, first).status_code == 200
    clash = alice.put(path, second)
    assert (clash.status_code, clash.json()["code"]) == (409, "conflict")
    assert "changed by someone else" in clash.json()["message"]
    assert ObservationRecord.objects.get(pk=created["id"]).value == 6.2


def test_the_plan_office_changes_an_indicator_at_its_version(alice):
    pk = gdp()
    version = alice.get(f"/api/indicators/{pk}").json()["version"]
    change = {
        "version": version,
        "reason": "统一口径",
        "unit": "%",
        "owner": "区统计局",
        "aliases": ["GDP"],
    }
    body = alice.patch(f"/api/indicators/{pk}", change).json()
    assert (body["aliases"], body["version"] > version) == (["GDP"], True)
    assert alice.patch(f"/api/indicators/{pk}", change).status_code == 409


def test_a_change_without_a_reason_is_refused(alice):
    pk = gdp()
    version = alice.get(f"/api/indicators/{pk}").json()["version"]
    response = alice.patch(
        f"/api/indicators/{pk}", {"version": version, "reason": " ", "name": "x"}
    )
    assert (response.status_code, response.json()["field"]) == (400, "reason")


def test_the_plan_office_sets_and_replaces_a_target(alice):
    path = f"/api/indicators/{gdp()}/targets/2026"
    created = alice.put(path, {"form": "at_least", "text": "6%以上", "value": 6})
    assert created.status_code == 200, created.json()
    again = alice.put(path, {"form": "at_least", "text": "6%以上", "value": 6})
    assert again.status_code == 409
    replaced = alice.put(
        path,
        {
            "form": "approx",
            "text": "6%左右",
            "value": 6,
            "version": created.json()["version"],
            "reason": "调整",
        },
    )
    assert replaced.json()["form"] == "approx"
    inconsistent = alice.put(
        f"/api/indicators/{gdp()}/targets/2027",
        {"form": "range", "text": "5-4", "value": 5, "upper": 4},
    )
    assert (inconsistent.status_code, inconsistent.json()["field"]) == (400, "value")
    assert TargetRecord.objects.filter(year=2027).count() == 0


def test_values_are_checked_against_the_indicators_rules(alice, bob):
    rules = alice.put(
        f"/api/indicators/{gdp()}/rules", {"minimum": -20, "maximum": 30, "max_jump": 3}
    )
    assert rules.status_code == 200, rules.json()
    too_high = enter(bob, gdp(), value=31)
    assert (too_high.status_code, too_high.json()["code"], too_high.json()["field"]) == (
        400,
        "validation_failed",
        "value",
    )
    jump = enter(bob, gdp(), value=1.0)  # 2024 estimate was 6.5
    assert (jump.status_code, jump.json()["field"]) == (400, "note")
    explained = enter(bob, gdp(), value=1.0, note="受灾影响")
    assert explained.status_code == 201
    assert [w["code"] for w in explained.json()["warnings"]] == ["jump"]
    assert ValidationRule.objects.get().max_jump == 3


def test_a_value_in_the_wrong_unit_is_refused_and_a_check_stores_nothing(bob):
    before = ObservationRecord.objects.count()
    findings = bob.post(
        f"/api/indicators/{gdp()}/checks", {"period": "2025", "value": 6, "unit": "亿元"}
    ).json()
    assert [f["code"] for f in findings] == ["wrong_unit"]
    assert ObservationRecord.objects.count() == before


def test_a_value_entered_twice_for_the_same_period_is_a_conflict(bob):
    assert enter(bob, gdp(), value=6.1).status_code == 201
    assert enter(bob, gdp(), value=6.3).status_code == 409


def test_a_deletion_needs_the_version_and_a_reason(bob):
    created = enter(bob, gdp(), value=6.1).json()["observation"]
    path = f"/api/observations/{created['id']}"
    assert bob.delete(f"{path}?version={created['version']}&reason=").status_code == 400
    assert bob.delete(f"{path}?version={created['version']}&reason=录错").status_code == 204
    assert not ObservationRecord.objects.filter(pk=created["id"]).exists()


def test_a_bulk_import_killed_midway_leaves_the_database_unchanged(alice, monkeypatch):
    before = list(ObservationRecord.objects.values_list("id", "value").order_by("id"))
    original = observations.history.save
    calls = {"n": 0}

    def dies_on_the_third(record, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("process killed")
        return original(record, **kwargs)

    monkeypatch.setattr(observations.history, "save", dies_on_the_third)
    rows = [
        [indicator(c).pk, {"period": "2025", "value": 5}]
        for c in ("gdp_growth", "fai_growth", "retail_growth", "industry_va_growth")
    ]
    failed = alice.post("/api/imports/observations", {"reason": "年报", "rows": rows})
    assert (failed.status_code, failed.json()["code"]) == (500, "server_error")
    assert list(ObservationRecord.objects.values_list("id", "value").order_by("id")) == before


def test_a_refused_row_refuses_the_whole_import(alice):
    rows = [[gdp(), {"period": "2025", "value": 5}], [gdp(), {"period": "2025-13", "value": 5}]]
    response = alice.post("/api/imports/observations", {"reason": "年报", "rows": rows})
    assert (response.status_code, response.json()["field"]) == (400, "period")
    assert not ObservationRecord.objects.filter(period="2025").exists()
