"""The seed through the extractor into an empty database, and a draft checked against it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.models import Document
from planwatch.web.plan.services import load_dataset
from planwatch.web.plan.sources import document
from tests.conftest import SEED

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def ingested():
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    args = ["ingest", str(SEED), "--region", "fuling", "--year", "2024", "--label", "seed"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


def test_ingest_then_evaluate_shows_the_seeds_values_with_their_lines(ingested):
    assert "wait for review" in ingested.output
    result = runner.invoke(
        app, ["evaluate", "--region", "fuling", "--year", "2024", "--format", "json"]
    )
    records = {r["indicator"]: r for r in json.loads(result.output)["evaluations"]}
    assert (records["gdp_growth"]["actual"], records["gdp_growth"]["source"]) == (6.5, "seed:L33")
    assert (records["grain_output"]["actual"], records["grain_output"]["source"]) == (
        45.5,
        "seed:L95",
    )


def test_an_ingested_report_keeps_its_text_so_that_a_cited_line_opens(ingested):
    reader = create_user("reader", "a long enough password 1", Role.LEADER)
    found = document(actor=reader, region_code="fuling", label="seed", cited=range(33, 34))
    assert [line.number for line in found.lines if line.cited] == [33]
    assert "地区生产总值增长6.5%左右" in found.lines[32].text


def test_ingesting_again_changes_nothing(ingested):
    again = runner.invoke(app, ["ingest", str(SEED), "--region", "fuling", "--year", "2024"])
    assert "nothing changed" in again.output


def test_review_lists_what_could_not_be_mapped(ingested):
    result = runner.invoke(app, ["review", "--region", "fuling"])
    assert "no indicator is called" in result.output


def test_check_lists_exactly_three_altered_numbers(ingested, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for old, new in [
        ("增长6.5%左右", "增长6.8%左右"),
        ("粮食产量45.5万吨", "粮食产量46.5万吨"),
        ("1.6万户", "1.9万户"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--region", "fuling", "--year", "2024"])
    assert result.exit_code == 1
    rows = [line for line in result.output.splitlines() if "数字不符" in line]
    assert len(rows) == 3
    assert {"6.8%", "46.5万吨", "1.9万户"} <= set(result.output.split())


def test_checking_the_published_text_finds_nothing(ingested):
    result = runner.invoke(app, ["check", str(SEED), "--region", "fuling", "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "no mismatch" in result.output


def test_an_unreadable_report_is_a_clear_error(tmp_path):
    binary = tmp_path / "report.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x01\x02" * 100)
    result = runner.invoke(app, ["ingest", str(binary), "--region", "fuling", "--year", "2024"])
    assert result.exit_code == 2
    assert "error:" in result.output


def test_the_seed_ingests_after_the_demo_stored_it_for_its_citations():
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED}")
    load_dataset(DEMO_DATASET)  # stores the seed's text, cited as seed:L…, no statements
    result = runner.invoke(app, ["ingest", str(SEED), "--region", "fuling", "--year", "2024"])
    assert result.exit_code == 0 and "ingested" in result.output, result.output
    stored = Document.objects.get(region__code="fuling")
    assert stored.label == "seed" and stored.statements.exists()
