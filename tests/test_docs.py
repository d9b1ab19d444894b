"""The README documents every command and every setting, as users read it first."""

from __future__ import annotations

import re

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    names += [g.name for g in app.registered_groups if g.name]
    return sorted(set(names))


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in command_names() if f"planwatch {name}" not in README]
    assert not missing, f"README does not show: {missing}"


def test_every_environment_setting_is_in_the_readme():
    settings = (REPO / "src" / "planwatch" / "web" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r"(?:env_bool|env_list|os\.environ\.get)\(\s*\"([A-Z_]+)\"", settings))
    names |= {"PLANWATCH_HOME"}
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert not missing, f"README does not document: {missing}"


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in ci
    assert "scripts/test" in README
