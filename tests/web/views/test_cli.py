"""The web commands of the CLI: createuser, serve and demo's --no-serve."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.cli import commands as _commands  # noqa: F401  (registers the commands)
from planwatch.web.accounts.roles import Role, department_of, role_of
from tests.web.views.conftest import user

runner = CliRunner()


@pytest.mark.django_db
def test_createuser_makes_a_clerk_of_a_department():
    args = [
        "createuser",
        "finance",
        "--role",
        "clerk",
        "--department",
        "区财政局",
        "--password",
        "finance-clerk-2025",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    clerk = user("finance")
    assert (role_of(clerk), department_of(clerk)) == (Role.CLERK, "区财政局")


@pytest.mark.django_db
def test_createuser_refuses_a_clerk_without_a_department():
    result = runner.invoke(
        app, ["createuser", "nobody", "--role", "clerk", "--password", "long-test-password"]
    )
    assert result.exit_code == 2
    assert "department" in result.output


def test_serve_and_demo_document_their_options():
    assert "--port" in runner.invoke(app, ["serve", "--help"]).output
    assert "--no-serve" in runner.invoke(app, ["demo", "--help"]).output


@pytest.mark.django_db
def test_updateuser_deactivates_a_user_with_a_reason_and_only_for_the_plan_office():
    refused = runner.invoke(app, ["updateuser", "stats", "--user", "leader", "--reason", "x"])
    assert refused.exit_code == 2 and "发展改革委" in refused.output
    args = ["updateuser", "stats", "--user", "office", "--reason", "离职", "--inactive"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert not user("stats").is_active
