"""Every surface that reports progress gives the same answer for the same input (issue 10).

Project progress is offered by the page, the API, the workbook import
(``planwatch projects import``) and ``planwatch projects report``; a
sub-target's quarter by the API and ``planwatch task-progress``. Each case is
sent through each surface and must end with the same outcome, the same error
text (beside the same field) and the same history rows.

2025-ZF-020 (区交通局) has a total investment of 13,594 万元, an annual plan
of 3,896 and reports up to October (2,143); sub-target 1-1-1 (规上工业产值,
target 3,000 亿元) has reports for Q1–Q3 (Q3: 2,957.91).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app, database
from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.project_rows import PROGRESS_FIELDS
from planwatch.projects_io.excel import PROGRESS_SHEET, write_workbook
from planwatch.web.api import tokens
from planwatch.web.projects.baseline import BASELINE_REASON
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProgressRecord, TaskProgressRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db
PROJECT, SUB_TARGET = "2025-ZF-020", "1-1-1"
runner = CliRunner()


@dataclass(frozen=True)
class Answer:
    """What a surface said: stored or not, and the refusal's field and words."""

    ok: bool
    field: str = ""
    message: str = ""


@pytest.fixture(autouse=True)
def demo(monkeypatch: pytest.MonkeyPatch, transport_clerk: Any, office: Any) -> None:
    load_year(DEMO_DATASET, 2025)
    monkeypatch.setattr(database, "ready", lambda: None)  # the test database is ready


def _page(month: str, completed: str, reason: str, tmp: Path) -> Answer:
    client = Client()
    client.force_login(_user("li"))
    data = {"month": month, "completed": completed, "narrative": "", "reason": reason}
    response = client.post(f"/projects/{PROJECT}/progress/", data)
    if response.status_code == 302:
        return Answer(True)
    (field, errors), *_ = response.context["form"].errors.items()
    return Answer(False, field, " ".join(errors))


def _api(month: str, completed: str, reason: str, tmp: Path) -> Answer:
    response = _caller("li").post(
        f"/api/projects/{PROJECT}/progress",
        {"month": month, "completed": float(completed), "reason": reason},
        content_type="application/json",
    )
    if response.status_code == 201:
        return Answer(True)
    return Answer(False, response.json()["field"], response.json()["message"])


def _workbook(month: str, completed: str, reason: str, tmp: Path) -> Answer:
    path = tmp / "进度.xlsx"
    report = ProgressReport(PROJECT, Period.parse(month), Decimal(0), reason=reason)
    write_workbook(path, departments=["区交通局"], progress=[report])
    book = load_workbook(path)
    book[PROGRESS_SHEET]["C2"] = float(completed)  # any amount, as a clerk may type it
    book.save(path)
    result = runner.invoke(app, ["projects", "import", str(path), "--user", "li"])
    if result.exit_code == 0:
        return Answer(True)
    for field, header in PROGRESS_FIELDS.items():
        marker = f"「{header}」"
        if marker in result.output:
            return Answer(False, field, result.output.split(marker, 1)[1].strip())
    raise AssertionError(result.output)


def _cli(month: str, completed: str, reason: str, tmp: Path) -> Answer:
    command = ["projects", "report", PROJECT, "--month", month, "--completed", completed]
    result = runner.invoke(app, [*command, "--user", "li", "--reason", reason])
    if result.exit_code == 0:
        return Answer(True)
    return Answer(False, "", result.output.split("error: ", 1)[1].strip())


PROJECT_SURFACES: dict[str, Callable[[str, str, str, Path], Answer]] = {
    "page": _page,
    "api": _api,
    "workbook": _workbook,
    "cli": _cli,
}
BELOW = "本年累计完成投资 2000 万元低于 2025-10 的 2143 万元,如需调减请填写原因"
PROJECT_CASES = [
    # (month, completed, reason) → (stored?, field, message, completed of that month afterwards)
    (("2025-11", "2300", ""), (True, "", "", Decimal(2300))),
    (
        ("2025-10", "2200", ""),
        (
            False,
            "reason",
            f"{PROJECT} 已报送 2025-10 的进度(本年累计 2143 万元),再次报送即修改,请填写修改原因",
            Decimal(2143),
        ),
    ),
    (("2025-10", "2200", "补报10月支付"), (True, "", "", Decimal(2200))),
    (("2025-11", "2000", ""), (False, "completed", BELOW, None)),
    (("2025-11", "2000", "核减重复统计"), (True, "", "", Decimal(2000))),
    (
        ("2025-11", "4000", ""),
        (
            False,
            "completed",
            "本年累计完成投资 4000 万元超过年度计划投资 3896 万元,如属实请填写原因",
            None,
        ),
    ),
    (("2025-11", "4000", "追加投资"), (True, "", "", Decimal(4000))),
    (
        ("2025-11", "999999999", "确认"),
        (False, "completed", "本年累计完成投资 999999999 万元超过项目总投资 13594 万元", None),
    ),
    (("2025-11", "-5", ""), (False, "completed", "完成投资为负数 (-5)", None)),
]


@pytest.mark.parametrize("surface", PROJECT_SURFACES)
@pytest.mark.parametrize(("sent", "expected"), PROJECT_CASES)
def test_every_surface_answers_a_monthly_report_alike(surface, sent, expected, tmp_path) -> None:
    month, completed, reason = sent
    ok, field, message, afterwards = expected
    answer = PROJECT_SURFACES[surface](month, completed, reason, tmp_path)
    assert answer.ok == ok, answer
    if not ok:
        assert message in answer.message, answer
        assert surface == "cli" or answer.field == field, answer  # the CLI names no field
    assert _completed(month) == afterwards
    assert _project_history(month) == _expected_history(month, reason, ok, afterwards)


def _completed(month: str) -> Decimal | None:
    period = Period.parse(month)
    found = ProgressRecord.objects.filter(project__code=PROJECT, month=period.month).first()
    return None if found is None else found.completed


def _project_history(month: str) -> list[tuple[str, str, str, Decimal]]:
    rows = ProgressRecord.history.filter(  # type: ignore[attr-defined]
        project__code=PROJECT, month=Period.parse(month).month
    ).order_by("history_id")
    return [
        (
            r.history_type,
            r.history_user.username if r.history_user else "",
            r.history_change_reason or "",
            r.completed,
        )
        for r in rows
    ]


def _expected_history(
    month: str, reason: str, ok: bool, afterwards: Decimal | None
) -> list[tuple[str, str, str, Decimal]]:
    if not ok:
        return []
    if month == "2025-10":  # a loaded report: its state as loaded, then the revision
        assert afterwards is not None
        return [("+", "", BASELINE_REASON, Decimal(2143)), ("~", "li", reason, afterwards)]
    assert afterwards is not None
    return [("+", "li", reason, afterwards)]


def _user(name: str) -> Any:
    from django.contrib.auth.models import User

    return User.objects.get(username=name)


def _caller(name: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {tokens.create(name)[1]}")


def _task_api(quarter: str, value: float, reason: str) -> Answer:
    response = _caller("wang").post(
        f"/api/sub-targets/{SUB_TARGET}/progress",
        {"period": quarter, "value": value, "reason": reason},
        content_type="application/json",
    )
    if response.status_code == 201:
        return Answer(True)
    return Answer(False, response.json()["field"], response.json()["message"])


def _task_cli(quarter: str, value: float, reason: str) -> Answer:
    command = ["task-progress", SUB_TARGET, "--quarter", quarter, "--value", repr(value)]
    result = runner.invoke(app, [*command, "--user", "wang", "--reason", reason])
    if result.exit_code == 0:
        return Answer(True)
    return Answer(False, "", result.output.split("error: ", 1)[1].strip())


TASK_SURFACES = {"api": _task_api, "cli": _task_cli}
TASK_CASES = [
    # (quarter, value, reason) → (stored?, field, message, value of that quarter afterwards)
    (("2025-Q4", 3050.0, ""), (True, "", "", 3050.0)),
    (
        ("2025-Q4", 1e30, "确认"),
        (False, "value", "1-1-1 的 1e+30亿元 超过目标 3000亿元 的 100 倍", None),
    ),
    (("2025-Q4", -5.0, ""), (False, "value", "1-1-1 的数值不能为负数 (-5)", None)),
    (
        ("2025-Q3", 3000.0, ""),
        (False, "reason", "1-1-1 已报送 2025-Q3 的进展,再次报送即修改,请填写修改原因", 2957.91),
    ),
    (("2025-Q3", 3000.0, "统计局核定"), (True, "", "", 3000.0)),
]


@pytest.mark.parametrize("surface", TASK_SURFACES)
@pytest.mark.parametrize(("sent", "expected"), TASK_CASES)
def test_every_surface_answers_a_quarterly_report_alike(surface, sent, expected) -> None:
    quarter, value, reason = sent
    ok, field, message, afterwards = expected
    period = Period.parse(quarter)
    before = _task_history(period)
    answer = TASK_SURFACES[surface](quarter, value, reason)
    assert answer.ok == ok, answer
    if not ok:
        assert message in answer.message, answer
        assert surface == "cli" or answer.field == field, answer
    stored = TaskProgressRecord.objects.filter(
        sub_target__code=SUB_TARGET, year=2025, quarter=period.quarter
    ).first()
    assert (None if stored is None else stored.value) == afterwards
    added = _task_history(period)[len(before) :]
    assert added == ([("~" if before else "+", "wang", reason, afterwards)] if ok else [])


def _task_history(period: Period) -> list[tuple[str, str, str, float | None]]:
    rows = TaskProgressRecord.history.filter(  # type: ignore[attr-defined]
        sub_target__code=SUB_TARGET, year=period.year, quarter=period.quarter
    ).order_by("history_id")
    return [
        (
            r.history_type,
            r.history_user.username if r.history_user else "",
            r.history_change_reason or "",
            r.value,
        )
        for r in rows
    ]
