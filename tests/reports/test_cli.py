"""`planwatch report` writes the documents from the database, end to end."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from tests.conftest import DEMO_DATASET
from tests.reports.builders import seed_line

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def loaded():
    result = runner.invoke(app, ["load", str(DEMO_DATASET)])
    assert result.exit_code == 0, result.output


def annual(*args: str):
    return runner.invoke(app, ["report", "annual", "--region", "fuling", "--year", "2024", *args])


def test_report_annual_writes_markdown_with_the_seed_targets_sentence(loaded, tmp_path):
    out = tmp_path / "annual.md"
    result = annual("--format", "md", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert seed_line(111) in out.read_text(encoding="utf-8")


def test_report_annual_with_sources_appends_the_sources_annex(loaded, tmp_path):
    out = tmp_path / "annual.html"
    assert annual("--format", "html", "--output", str(out), "--sources").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "附件1 数据来源" in html and 'data-source="seed:L33"' in html


def test_report_quarterly_needs_a_quarter(loaded, tmp_path):
    args = ["report", "quarterly", "--region", "fuling", "--period", "2025-07", "--format", "md"]
    result = runner.invoke(app, [*args, "--output", str(tmp_path / "q.md")])
    assert result.exit_code == 2
    assert "is not a quarter" in result.output


def test_an_unknown_region_is_an_error_message_not_a_traceback(loaded, tmp_path):
    args = ["report", "annual", "--region", "nowhere", "--year", "2024", "--format", "md"]
    result = runner.invoke(app, [*args, "--output", str(tmp_path / "x.md")])
    assert result.exit_code == 2
    assert "no region 'nowhere'" in result.output


def test_report_monthly_writes_the_outlook_from_the_one_nowcast(loaded, tmp_path):
    from planwatch.services.nowcast import nowcast_year

    out = tmp_path / "m.md"
    args = ["report", "monthly", "--region", "fuling", "--period", "2025-10", "--format", "md"]
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    first = nowcast_year("fuling", 2025, "2025-10").ranked()[0]
    assert first.tier.label_zh == "难以完成"
    assert text.index(first.indicator.name) < text.index("(二)需加力的指标")
    assert "后两个月需增长22%方能完成全年目标" in text


def test_report_monthly_needs_a_month(loaded, tmp_path):
    args = ["report", "monthly", "--region", "fuling", "--period", "2025-Q3", "--format", "md"]
    result = runner.invoke(app, [*args, "--output", str(tmp_path / "m.md")])
    assert result.exit_code == 2
    assert "is not a month" in result.output
