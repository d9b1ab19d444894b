from __future__ import annotations

import csv
import io

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
def corrected(bob):
    pk = indicator("gdp_growth").pk
    created = bob.post(
        f"/api/indicators/{pk}/observations", {"period": "2025", "value": 6.1, "reason": "快报"}
    ).json()["observation"]
    change = {"period": "2025", "value": 6.3, "version": created["version"], "reason": "年报更正"}
    bob.put(f"/api/observations/{created['id']}", change)
    return created["id"]


def test_the_log_says_who_changed_what_from_what_to_what_and_why(alice, corrected):
    changes = alice.get("/api/audit", {"what": "observation", "who": "bob"}).json()
    latest, first = changes[0], changes[1]
    assert (latest["action"], latest["why"], latest["who"]) == ("changed", "年报更正", "bob")
    assert {"field": "value", "old": 6.1, "new": 6.3} in latest["fields"]
    assert (first["action"], first["why"]) == ("created", "快报")


def test_the_log_is_filtered_by_object_and_time(alice, corrected):
    assert len(alice.get("/api/audit", {"object_id": corrected, "what": "observation"}).json()) == 2
    assert alice.get("/api/audit", {"since": "2100-01-01T00:00:00Z"}).json() == []
    unknown = alice.get("/api/audit", {"what": "salary"})
    assert (unknown.status_code, unknown.json()["code"]) == (400, "invalid_value")


def test_the_plan_office_exports_the_log_as_csv_and_excel(alice, corrected):
    response = alice.get("/api/audit/export", {"format": "csv", "who": "bob"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {"field": "value", "old": "6.1", "new": "6.3", "why": "年报更正"}.items() <= rows[
        0
    ].items()
    excel = alice.get("/api/audit/export", {"format": "xlsx", "who": "bob"})
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
    bob.post(f"/api/indicators/{pk}/observations", {"period": "2025", "value": 6, "note": "=1+1"})
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
