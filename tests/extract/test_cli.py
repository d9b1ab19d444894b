"""`planwatch extract` through the Typer app, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

import planwatch.cli.commands  # noqa: F401  (registers the commands on ``app``)
from planwatch.cli import app

REPORT = "一、2024年计划执行情况\n地区生产总值增长6.5%左右,规上工业增加值增长9%。\n"


def run(*args: str) -> Result:
    """Invoke ``planwatch extract ARGS`` (a lone command is not a sub-command for Click)."""
    grouped = hasattr(typer.main.get_command(app), "commands")
    argv = ["extract", *args] if grouped else list(args)
    return CliRunner().invoke(app, argv, env={"COLUMNS": "200"})


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_jsonl_output_has_one_statement_object_per_line(report: Path) -> None:
    result = run(str(report), "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["subject"], r["value"], r["qualifier"]) for r in rows] == [
        ("地区生产总值", 6.5, "approx"),
        ("规上工业增加值", 9, "exact"),
    ]


def test_csv_output_has_a_header_and_one_row_per_statement(report: Path) -> None:
    result = run(str(report), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["value"] for r in rows] == ["6.5", "9"]


def test_the_table_lists_every_subject(report: Path) -> None:
    result = run(str(report))
    assert result.exit_code == 0
    assert "地区生产总值" in result.stdout and "规上工业增加值" in result.stdout


def test_tree_prints_parts_areas_and_items(tmp_path: Path) -> None:
    path = tmp_path / "tree.txt"
    path.write_text("一、2024年计划执行情况\n(一)扩内需。\n1.投资增长。\n", encoding="utf-8")
    result = run(str(path), "--tree")
    assert result.stdout.splitlines() == [
        "一、2024年计划执行情况  [line 1, review, 2024]",
        "  (一) 扩内需  [line 2]",
        "    1 投资增长  [line 3]",
    ]


def test_score_prints_f1_and_field_accuracy(report: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    row = {
        "line": 2,
        "quote": "规上工业增加值增长9%",
        "subject": "规上工业增加值",
        "measure": "growth",
        "value": 9,
        "unit": "%",
        "qualifier": "exact",
        "period": "2024",
        "status": "actual",
        "cumulative": False,
        "section": "一",
        "text_target": None,
    }
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run(str(report), "--score", str(gold))
    assert result.exit_code == 0
    assert "precision 0.500  recall 1.000  F1 0.667" in result.stdout
    assert "subject: 1.000" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"%PDF-1.4 \x00\x01", "PDF"), (b"\x00\x01\x02" * 50, "binary")],
)
def test_bad_input_is_one_line_on_stderr_and_exit_code_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_report_or_a_broken_gold_file_exits_with_2(report: Path, tmp_path: Path) -> None:
    assert run(str(tmp_path / "absent.txt")).exit_code == 2
    broken = tmp_path / "gold.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    result = run(str(report), "--score", str(broken))
    assert result.exit_code == 2 and "row 1" in result.stderr
