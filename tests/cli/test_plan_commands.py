from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def loaded():
    result = runner.invoke(app, ["load", str(DEMO_DATASET)])
    assert result.exit_code == 0, result.output
    return result


def test_load_reports_what_it_stored(loaded):
    assert "loaded fuling: 31 indicators, 62 targets" in loaded.output


def test_evaluate_prints_the_table_and_the_summary(loaded):
    result = runner.invoke(app, ["evaluate", "--region", "fuling", "--year", "2024", "--summary"])
    assert result.exit_code == 0, result.output
    assert "一般公共预算收入增速" in result.output
    assert "控制在5.5%以内" in result.output
    assert "等12项指标高于预期" in result.output


def test_evaluate_as_json_has_every_field(loaded):
    result = runner.invoke(
        app, ["evaluate", "--region", "fuling", "--year", "2024", "--format", "json"]
    )
    payload = json.loads(result.output)
    first = payload["evaluations"][0]
    assert first["name"] == "地区生产总值增速"
    assert first["target"] == "7%以上"
    assert (first["actual"], first["status"], first["source"]) == (6.5, "estimate", "seed:L33")
    assert (first["verdict"], first["flagged"]) == ("below", False)
    assert first["rule"].startswith("at_least")


def test_evaluate_as_csv_has_a_header_and_31_rows(loaded):
    result = runner.invoke(
        app, ["evaluate", "--region", "fuling", "--year", "2024", "--format", "csv"]
    )
    assert len(result.output.strip().splitlines()) == 32


def test_indicators_lists_the_catalog(loaded):
    result = runner.invoke(app, ["indicators", "--region", "fuling"])
    assert result.exit_code == 0
    assert "城镇调查失业率" in result.output


def test_unknown_region_is_a_clear_error_with_exit_code_2(loaded):
    result = runner.invoke(app, ["evaluate", "--region", "atlantis", "--year", "2024"])
    assert result.exit_code == 2
    assert "no region 'atlantis'" in result.output


def test_loading_a_directory_that_is_not_a_dataset_is_refused(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "nothing was loaded" in result.output
