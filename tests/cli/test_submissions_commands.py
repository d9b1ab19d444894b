from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.services import load_dataset
from planwatch.web.submissions import periods
from planwatch.web.submissions.models import Submission
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def test_submissions_export_then_import_of_a_filled_workbook(tmp_path: Path) -> None:
    load_dataset(DEMO_DATASET)
    office = create_user("wang", "long-test-password", Role.PLAN_OFFICE)
    create_user("li", "long-test-password", Role.CLERK, department="区统计局")
    periods.open_period(
        actor=office, region_code="fuling", period="2025-Q3", due=date(2025, 10, 15)
    )
    book = tmp_path / "统计局.xlsx"
    args = ["submissions", "export", "--period", "2025-Q3", "--department", "区统计局"]
    result = runner.invoke(app, [*args, "--out", str(book), "--user", "wang"])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(book.read_bytes()))
    sheet["报送"]["G2"] = "不知道"
    sheet.save(book)
    refused = runner.invoke(app, ["submissions", "import", str(book), "--user", "li"])
    assert refused.exit_code == 2 and "G列「本期数值」「不知道」不是数值" in refused.output
    assert not Submission.objects.exists()
    sheet["报送"]["G2"] = 6.1
    sheet.save(book)
    result = runner.invoke(app, ["submissions", "import", str(book), "--user", "li"])
    assert (result.exit_code, result.output.strip()) == (0, "fuling: 1 values submitted for review")
