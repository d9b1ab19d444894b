"""`planwatch report` writes the documents from the database, end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reports.builders import seed_line

SRC = Path(__file__).resolve().parents[2] / "src"


def planwatch(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PLANWATCH_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "planwatch", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )


@pytest.mark.slow
def test_report_annual_writes_markdown_and_html_from_the_demo_database(tmp_path):
    assert planwatch(tmp_path, "demo").returncode == 0
    done = planwatch(
        tmp_path, "report", "annual", "--region", "fuling", "--year", "2024", "--format", "md"
    )
    assert done.returncode == 0, done.stderr
    md = (tmp_path / "fuling-2024-annual.md").read_text(encoding="utf-8")
    assert seed_line(111) in md
    html = tmp_path / "out.html"
    args = ("--year", "2024", "--format", "html", "--output", str(html), "--sources")
    assert planwatch(tmp_path, "report", "annual", "--region", "fuling", *args).returncode == 0
    assert "数据来源" in html.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_unknown_region_is_an_error_message_not_a_traceback(tmp_path):
    done = planwatch(tmp_path, "report", "annual", "--region", "nowhere", "--year", "2024")
    assert done.returncode == 2
    assert "no region 'nowhere'" in done.stderr and "Traceback" not in done.stderr
