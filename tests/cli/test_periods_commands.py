from __future__ import annotations

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.services import load_dataset
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture
def loaded() -> None:
    load_dataset(DEMO_DATASET)
    create_user("wang", "long-test-password", Role.PLAN_OFFICE)


def test_periods_open_list_and_close(loaded: None) -> None:
    result = runner.invoke(
        app,
        [
            "periods",
            "open",
            "2025-06",
            "--due",
            "2025-07-10",
            "--region",
            "fuling",
            "--user",
            "wang",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "fuling 2025-06: open until 2025-07-10" in result.output
    listed = runner.invoke(app, ["periods", "list", "--user", "wang"])
    assert listed.exit_code == 0, listed.output
    assert "2025-06" in listed.output and "open" in listed.output
    closed = runner.invoke(app, ["periods", "close", "2025-06", "--user", "wang"])
    assert (closed.exit_code, closed.output.strip()) == (0, "fuling 2025-06: closed")


def test_a_clerk_may_not_open_a_period_and_a_bad_date_is_refused(loaded: None) -> None:
    create_user("li", "long-test-password", Role.CLERK, department="区统计局")
    refused = runner.invoke(
        app, ["periods", "open", "2025-06", "--due", "2025-07-10", "--user", "li"]
    )
    assert refused.exit_code == 2 and "发展改革委" in refused.output
    bad = runner.invoke(app, ["periods", "open", "2025-06", "--due", "next week", "--user", "wang"])
    assert bad.exit_code == 2 and "不是日期" in bad.output
