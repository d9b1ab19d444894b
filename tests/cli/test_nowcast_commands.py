from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.projects.models import Department, ProblemRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()
ARGS = ["nowcast", "--region", "fuling", "--year", "2025", "--as-of", "2025-10"]


@pytest.fixture
def loaded():
    result = runner.invoke(app, ["load", str(DEMO_DATASET)])
    assert result.exit_code == 0, result.output


def test_the_table_names_the_pace_the_tier_and_the_warning(loaded):
    result = runner.invoke(app, ARGS)
    assert result.exit_code == 0, result.output
    assert "难以完成" in result.output and "工业投资增速" in result.output
    assert "预警: 约束性指标「国市考核断面水质优良比例」难以完成" in result.output


def test_json_and_csv_carry_the_same_assessments(loaded):
    payload = json.loads(runner.invoke(app, [*ARGS, "--format", "json"]).output)
    assert payload["as_of"] == "2025-10" and len(payload["assessments"]) == 31
    lines = runner.invoke(app, [*ARGS, "--format", "csv"]).output.strip().splitlines()
    assert lines[0].startswith("indicator,name,binding") and len(lines) == 32


def test_raising_warnings_twice_reports_one_problem(loaded):
    create_user("office", "long-test-password", Role.PLAN_OFFICE)
    Department.objects.create(name="区生态环境局")
    first = runner.invoke(app, [*ARGS, "--raise-warnings"])
    second = runner.invoke(app, [*ARGS, "--raise-warnings"])
    assert first.exit_code == second.exit_code == 0
    assert ProblemRecord.objects.filter(code="YJ-2025-10-water_quality_share").count() == 1


def test_a_bad_month_is_a_usage_error(loaded):
    result = runner.invoke(app, ["nowcast", "--region", "fuling", "--year", "2025", "--as-of", "x"])
    assert result.exit_code == 2
