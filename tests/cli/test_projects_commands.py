from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def loaded() -> None:
    create_user("wang", "long-test-password", Role.PLAN_OFFICE)
    result = runner.invoke(app, ["projects", "load", str(DEMO_DATASET)])
    assert result.exit_code == 0, result.output
    assert "354 projects, 3540 progress reports, 103 sub-targets, 21 problems" in result.output


def test_notice_writes_markdown_and_docx_for_the_month(loaded: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["notice", "--month", "2025-06", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "notice-2025-06.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 2025年6月项目进度滞后督导通报")
    document = Document(str(tmp_path / "notice-2025-06.docx"))
    assert document.paragraphs[0].text == "2025年6月项目进度滞后督导通报"


def test_problems_overdue_lists_only_open_problems_past_due(loaded: None) -> None:
    result = runner.invoke(app, ["problems", "--overdue", "--today", "2025-10-31"])
    assert result.exit_code == 0, result.output
    assert "10 problem(s)" in result.output
    assert "已销号" not in result.output


def test_a_bad_workbook_exits_non_zero_listing_every_bad_cell(loaded: None, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    assert runner.invoke(app, ["projects", "export", "--out", str(path)]).exit_code == 0
    book = load_workbook(path)
    book["项目"]["G2"] = "区月球局"
    book["项目"]["K3"] = -1
    book.save(path)
    result = runner.invoke(app, ["projects", "import", str(path), "--user", "wang"])
    assert result.exit_code == 2
    assert "项目:2: G列「责任部门」未知部门「区月球局」" in result.output
    assert "项目:3: K列「总投资(万元)」投资额为负数 (-1)" in result.output


def test_problem_steps_move_a_problem_and_refuse_what_the_rules_forbid(loaded: None) -> None:
    found = "WT-2025-007"  # left at 发现 by the demo data
    assert runner.invoke(app, ["problem", found, "assign", "--user", "wang"]).exit_code == 0
    result = runner.invoke(app, ["problem", found, "close", "--user", "wang"])
    assert result.exit_code == 2
    assert "当前为「交办」,不能「验收销号」" in result.output


def test_totals_of_government_projects_show_the_seed_figures(loaded: None) -> None:
    result = runner.invoke(app, ["projects", "totals", "--by", "category", "--government"])
    assert result.exit_code == 0, result.output
    rows = [[c.strip() for c in line.split("│")[1:5]] for line in result.output.splitlines()]
    by_category = {row[0]: (row[1], row[3]) for row in rows if len(row) == 4}
    assert by_category == {
        "新开工": ("154", "44.50"),
        "续建": ("12", "14.70"),
        "完工": ("120", "23.70"),
    }


def test_an_unknown_user_is_refused(loaded: None) -> None:
    result = runner.invoke(app, ["problem", "WT-2025-007", "assign", "--user", "nobody"])
    assert result.exit_code == 2
    assert "no user 'nobody'" in result.output
