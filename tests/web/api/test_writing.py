"""Writing through the API: values only through submissions (a direct write is refused,
a change is a correction for review); indicators, targets and rules at their version."""

from __future__ import annotations

import pytest

from planwatch.web.editing.models import ValidationRule
from planwatch.web.plan.models import ObservationRecord, TargetRecord
from planwatch.web.submissions.models import Submission
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def gdp() -> int:
    return indicator("gdp_growth").pk


def submit(caller, pk, **entry):
    body = {"period": "2025", "submit": True, **entry}
    return caller.post(f"/api/indicators/{pk}/submissions", body)


def published(alice, bob, value: float = 3.1) -> dict:
    """bob's 2025 value, approved by alice: the published observation, as the API lists it."""
    created = submit(bob, gdp(), value=value).json()
    alice.post(f"/api/submissions/{created['id']}/approve")
    listed = alice.get("/api/regions/fuling/observations?indicator=gdp_growth&year=2025").json()
    return next(o for o in listed["items"] if o["origin"] == f"submission:{created['id']}")


def test_nobody_writes_a_value_directly_and_the_refusal_points_to_submissions(alice, bob, carol):
    value = published(alice, bob)
    path = f"/api/observations/{value['id']}"
    refused = [
        bob.post(f"/api/indicators/{gdp()}/observations", {"period": "2025", "value": 99}),
        alice.post(f"/api/indicators/{gdp()}/observations", {"period": "2025", "value": 99}),
        bob.delete(f"{path}?version={value['version']}&reason=x"),
        alice.delete(f"{path}?version={value['version']}&reason=x"),
        carol.post("/api/imports/observations", {}),
    ]
    assert [r.status_code for r in refused] == [403] * 5
    assert f"POST /api/indicators/{gdp()}/submissions" in refused[0].json()["message"]
    assert f"PUT /api/observations/{value['id']}" in refused[2].json()["message"]
    assert ObservationRecord.objects.get(pk=value["id"]).value == 3.1


def test_a_change_through_the_api_is_a_correction_that_waits_for_review(alice, bob):
    value = published(alice, bob)
    path = f"/api/observations/{value['id']}"
    change = {"period": "2025", "value": 99, "version": value["version"], "reason": "录错"}
    change["note"] = "统计局重新核定"  # 99 is far above the target: a remark is needed
    filed = bob.put(path, change)
    assert filed.status_code == 202, filed.json()
    assert (filed.json()["state"], filed.json()["reason"]) == ("submitted", "录错")
    assert ObservationRecord.objects.get(pk=value["id"]).value == 3.1  # until approved
    original = Submission.objects.get(pk=int(value["origin"].split(":")[1]))
    assert original.value == 3.1


def test_the_plan_office_corrects_a_published_value_only_with_a_reason(alice, bob):
    value = published(alice, bob)
    path = f"/api/observations/{value['id']}"
    bare = {"period": "2025", "value": 3.3, "version": value["version"], "reason": " "}
    refused = alice.put(path, bare)
    assert (refused.status_code, refused.json()["field"]) == (422, "reason")
    assert alice.put(path, {**bare, "reason": "终审数"}).status_code == 202


def test_a_correction_at_a_stale_version_is_refused_and_nothing_is_overwritten(alice, bob):
    value = published(alice, bob)
    path = f"/api/observations/{value['id']}"
    stale = {"period": "2025", "value": 3.3, "version": value["version"] + 1, "reason": "x"}
    clash = alice.put(path, stale)
    assert (clash.status_code, clash.json()["code"]) == (409, "conflict")
    assert not Submission.objects.filter(corrects_origin=value["origin"]).exists()


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
    assert (response.status_code, response.json()["field"]) == (
        400,
        "reason",
    )  # the schema requires a reason


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
    assert (inconsistent.status_code, inconsistent.json()["field"]) == (422, "value")
    assert TargetRecord.objects.filter(year=2027).count() == 0


def test_values_are_checked_against_the_indicators_rules(alice, bob):
    rules = alice.put(
        f"/api/indicators/{gdp()}/rules", {"minimum": -20, "maximum": 30, "max_jump": 3}
    )
    assert rules.status_code == 200, rules.json()
    too_high = submit(bob, gdp(), value=31)
    assert (too_high.status_code, too_high.json()["code"], too_high.json()["field"]) == (
        422,
        "validation_failed",
        "value",
    )
    jump = submit(bob, gdp(), value=1.0)  # 2024 estimate was 6.5
    assert (jump.status_code, jump.json()["field"]) == (422, "note")
    assert submit(bob, gdp(), value=1.0, note="受灾影响").status_code == 201
    assert ValidationRule.objects.get().max_jump == 3


def test_a_value_in_the_wrong_unit_is_refused_and_a_check_stores_nothing(bob):
    before = ObservationRecord.objects.count()
    findings = bob.post(
        f"/api/indicators/{gdp()}/checks", {"period": "2025", "value": 6, "unit": "亿元"}
    ).json()
    assert [f["code"] for f in findings] == ["wrong_unit"]
    assert ObservationRecord.objects.count() == before
