from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.api import tokens
from planwatch.web.editing import audit
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def corrected(alice, bob, carol):
    """bob's 2025 GDP growth 6.1, approved by alice, corrected by bob to 6.3 and approved;
    the id of the value corrected."""
    pk = indicator("gdp_growth").pk
    first = bob.post(
        f"/api/indicators/{pk}/submissions", {"period": "2025", "value": 6.1, "submit": True}
    ).json()
    original = alice.post(f"/api/submissions/{first['id']}/approve").json()["observation_id"]
    fix = bob.post(
        f"/api/submissions/{first['id']}/corrections", {"value": 6.3, "reason": "年报更正"}
    ).json()
    alice.post(f"/api/submissions/{fix['id']}/approve")
    return original


def test_the_log_says_who_changed_what_from_what_to_what_and_why(alice, corrected):
    changes = alice.get("/api/audit", {"what": "observation", "object_id": corrected}).json()
    removed, created = changes[0], changes[1]
    assert (removed["action"], removed["who"]) == ("deleted", "alice")
    assert removed["why"].endswith("更正:年报更正")
    assert {"field": "value", "old": 6.1, "new": 6.1} in removed["fields"]
    assert (created["action"], created["who"]) == ("created", "alice")
    filed = alice.get("/api/audit", {"what": "submission", "who": "bob"}).json()
    assert any(re.fullmatch(r"更正 submission:\d+:年报更正", c["why"]) for c in filed)


def test_the_log_is_filtered_by_object_and_time(alice, corrected):
    assert len(alice.get("/api/audit", {"object_id": corrected, "what": "observation"}).json()) == 2
    assert alice.get("/api/audit", {"since": "2100-01-01T00:00:00Z"}).json() == []
    unknown = alice.get("/api/audit", {"what": "salary"})
    assert (unknown.status_code, unknown.json()["code"]) == (422, "invalid_value")


def test_the_plan_office_exports_the_log_as_csv_and_excel(alice, corrected):
    response = alice.get("/api/audit/export", {"format": "csv", "what": "observation"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    removed = next(r for r in rows if r["action"] == "deleted" and r["field"] == "value")
    assert (removed["old"], removed["why"][-7:]) == ("6.1", "更正:年报更正")
    excel = alice.get("/api/audit/export", {"format": "xlsx", "what": "observation"})
    sheet = load_workbook(io.BytesIO(excel.content)).active
    assert sheet.cell(row=1, column=1).value == "when"
    assert sheet.max_row == len(rows) + 1


def test_only_the_plan_office_reads_the_log(bob, dave):
    assert bob.get("/api/audit").status_code == 403
    assert dave.get("/api/audit/export", {"format": "csv"}).status_code == 403


def test_the_application_offers_no_way_to_change_history(alice, corrected):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(alice, method)("/api/audit").status_code == 405
    from django.contrib import admin

    registered = {model._meta.model_name for model in admin.site._registry}
    assert not any(name.startswith("historical") for name in registered)


def test_a_formula_typed_into_a_field_is_exported_as_text(alice, bob):
    pk = indicator("gdp_growth").pk
    body = {"period": "2025", "value": 6, "note": "=1+1"}
    bob.post(f"/api/indicators/{pk}/submissions", body)
    content = alice.get("/api/audit/export", {"format": "csv"}).content.decode("utf-8-sig")
    assert "'=1+1" in content and ",=1+1" not in content


def test_the_token_command_prints_a_token_that_opens_the_api(alice):
    result = CliRunner().invoke(app, ["token", "create", "alice", "--name", "ci"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    assert tokens.user_for(token).username == "alice"
    assert CliRunner().invoke(app, ["token", "create", "nobody"]).exit_code == 2


@pytest.mark.parametrize("what", sorted(audit.TRACKED))
def test_every_tracked_kind_of_record_can_be_read_from_the_log(alice, what):
    response = alice.get("/api/audit", {"what": what})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("0616-03-13T17:53:21+19:54", 200),  # beyond PostgreSQL's ±15:59: read as UTC
        ("2025-01-01T00:00:00-15:59", 200),
        ("0001-01-01T00:00:00+19:54", 400),  # before year 1 in UTC
    ],
)
def test_a_time_filter_with_any_offset_is_read_as_utc_or_refused(alice, since, status):
    response = alice.get("/api/audit", {"since": since})
    assert response.status_code == status, response.content
