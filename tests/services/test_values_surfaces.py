"""Every value write operation through every surface that offers it, with the same inputs:
the same outcome, the same error text, the same history rows.

Surfaces: the pages (a signed-in session), the API (a token), the department workbook
(uploaded through the API and through the CLI) and the CLI's ``values`` commands.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import escape
from openpyxl import load_workbook
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app, database
from planwatch.services import values
from planwatch.services.values import Entry
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions import workbook
from planwatch.web.submissions.models import Submission
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo", "cli_in_test_database")
runner = CliRunner()


@pytest.fixture
def cli_in_test_database(monkeypatch) -> None:
    """The CLI's commands use the test's database as it is (no second migration)."""
    monkeypatch.setattr(database, "ready", lambda: None)


@dataclass(frozen=True)
class Said:
    """What a surface answered: accepted or not, and the text it showed."""

    ok: bool
    text: str


def answered(response, ok: int) -> Said:
    """An API answer: the refusal's message as the client reads it."""
    body = response.json()
    text = body.get("message", "") if isinstance(body, dict) else ""
    return Said(response.status_code == ok, text or response.content.decode())


def page(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def user(name: str) -> User:
    return User.objects.get(username=name)


# ---- submit: (code, period, value, note) through each surface -------------------------


def submit_by_page(who: str, code: str, period: str, value: float, note: str) -> Said:
    form = {"period": period, "value": str(value), "status": "actual", "note": note, "submit": 1}
    response = page(who).post(f"/submissions/new/{indicator(code).pk}/", form)
    return Said(response.status_code == 302, response.content.decode())


def submit_by_api(caller, code: str, period: str, value: float, note: str) -> Said:
    body = {"period": period, "value": value, "note": note, "submit": True}
    response = caller.post(f"/api/indicators/{indicator(code).pk}/submissions", body)
    return answered(response, 201)


def a_workbook(code: str, period: str, value: float, note: str) -> bytes:
    record = indicator(code)
    owed = workbook.Owed(record.code, record.name, record.unit, period, "", "")
    book = load_workbook(io.BytesIO(workbook.write([owed], region="fuling")))
    sheet = book[workbook.SHEET]
    sheet["G2"], sheet["H2"], sheet["I2"] = value, "实际", note
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def submit_by_workbook_api(caller, code: str, period: str, value: float, note: str) -> Said:
    upload = io.BytesIO(a_workbook(code, period, value, note))
    upload.name = "报送.xlsx"
    response = Client(HTTP_AUTHORIZATION=f"Bearer {caller.token}").post(
        "/api/imports/submissions", {"workbook": upload}
    )
    return answered(response, 201)


def submit_by_workbook_cli(who: str, code: str, period: str, value: float, note: str) -> Said:
    path = Path(f"/tmp/planwatch-surfaces-{who}.xlsx")
    path.write_bytes(a_workbook(code, period, value, note))
    result = runner.invoke(app, ["submissions", "import", str(path), "--user", who])
    return Said(result.exit_code == 0, result.output)


def submit_by_cli(who: str, code: str, period: str, value: float, note: str) -> Said:
    args = ["values", "submit", code, period, str(value), "--user", who, "--note", note]
    result = runner.invoke(app, args)
    return Said(result.exit_code == 0, result.output)


SUBMIT_SURFACES: dict[str, Callable[..., Said]] = {
    "page": lambda bob, *a: submit_by_page("bob", *a),
    "api": submit_by_api,
    "workbook-api": submit_by_workbook_api,
    "workbook-cli": lambda bob, *a: submit_by_workbook_cli("bob", *a),
    "cli": lambda bob, *a: submit_by_cli("bob", *a),
}
GOOD = ("gdp_growth", "2025", 6.1, "")
BAD = {
    "period out of the plan's years": (("gdp_growth", "9999", 6.1, ""), "报告期应为"),
    "a number too large to be true": (("gdp_growth", "2025", 1e30, ""), "数值过大"),
    "a growth rate over 1000 %": (("gdp_growth", "2025", 1500.0, ""), "不能大于 1000%"),
    "far above target, no remark": (("gdp_growth", "2025", 500.0, ""), "请在说明中写明原因"),
}


def history_of(submission: Submission) -> list[tuple[str, str, str]]:
    rows = submission.history.order_by("history_id")
    return [(r.history_user.username, r.state, r.history_change_reason) for r in rows]


@pytest.mark.parametrize("surface", SUBMIT_SURFACES)
def test_a_good_value_is_submitted_alike_through_every_surface(surface, bob):
    said = SUBMIT_SURFACES[surface](bob, *GOOD)
    assert said.ok, said.text
    stored = Submission.objects.get()
    assert (stored.period, stored.value, stored.state) == ("2025", 6.1, "submitted")
    assert history_of(stored) == [("bob", "submitted", "提交审核")]


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("surface", SUBMIT_SURFACES)
def test_a_bad_value_is_refused_alike_with_the_same_words_through_every_surface(surface, case, bob):
    entry, words = BAD[case]
    service_words = _refusal_of(entry)
    assert words in service_words
    said = SUBMIT_SURFACES[surface](bob, *entry)
    assert not said.ok
    assert escape(service_words) in said.text or service_words in said.text
    assert not Submission.objects.exists()


def test_a_second_value_for_the_same_period_is_refused_alike_through_every_surface(bob):
    SUBMIT_SURFACES["api"](bob, *GOOD)
    first = Submission.objects.get()
    expected = f"2025已有一条待审核的报送(#{first.id}),请修改那一条。"
    for surface, submit in SUBMIT_SURFACES.items():
        said = submit(bob, *GOOD)
        assert not said.ok and (expected in said.text or escape(expected) in said.text), surface
    assert Submission.objects.count() == 1


def _refusal_of(entry: tuple[str, str, float, str]) -> str:
    """The service's own words for the refusal (each surface must show the same)."""
    code, period, value, note = entry
    with pytest.raises(Exception) as refused:
        values.submit_value(
            actor=user("bob"),
            indicator_id=indicator(code).pk,
            entry=Entry(period, value, note=note),
        )
    return refused.value.findings[0].message  # type: ignore[attr-defined]


# ---- approve and return: the plan office's decisions --------------------------------


def pending(who: str = "bob") -> Submission:
    return values.submit_value(
        actor=user(who), indicator_id=indicator("gdp_growth").pk, entry=Entry("2025", 6.1)
    )


def approve_by_page(who: str, pk: int) -> Said:
    response = page(who).post(f"/review/{pk}/approve/")
    return Said(response.status_code == 302, response.content.decode())


def approve_by_api(who: str, pk: int) -> Said:
    from planwatch.web.api import tokens

    client = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.create(who)[1]}")
    response = client.post(f"/api/submissions/{pk}/approve")
    return answered(response, 200)


def approve_by_cli(who: str, pk: int) -> Said:
    result = runner.invoke(app, ["values", "approve", str(pk), "--user", who])
    return Said(result.exit_code == 0, result.output)


APPROVE_SURFACES = {"page": approve_by_page, "api": approve_by_api, "cli": approve_by_cli}


@pytest.mark.parametrize("surface", APPROVE_SURFACES)
def test_an_approval_makes_the_value_current_alike_through_every_surface(surface, alice, bob):
    submission = pending()
    said = APPROVE_SURFACES[surface]("alice", submission.pk)
    assert said.ok, said.text
    current = ObservationRecord.objects.get(indicator__code="gdp_growth", period="2025")
    assert (current.value, current.origin) == (6.1, f"submission:{submission.pk}")
    made = current.history.get()
    assert (made.history_user.username, made.history_change_reason) == (
        "alice",
        f"报送 #{submission.pk} 由alice审核通过",
    )
    assert history_of(Submission.objects.get())[-1] == ("alice", "approved", "审核通过")


@pytest.mark.parametrize("surface", APPROVE_SURFACES)
def test_ones_own_submission_is_refused_alike_through_every_surface(surface, alice, deputy):
    submission = pending("alice")
    said = APPROVE_SURFACES[surface]("alice", submission.pk)
    expected = "这条数值是你本人报送的,须由另一位同志审核通过(四眼原则)。"
    assert not said.ok and (expected in said.text or escape(expected) in said.text), said.text
    assert not ObservationRecord.objects.filter(origin=f"submission:{submission.pk}").exists()
    assert APPROVE_SURFACES[surface]("deputy", submission.pk).ok


def return_by_page(pk: int, reason: str) -> Said:
    response = page("alice").post(f"/review/{pk}/return/", {"reason": reason})
    return Said(response.status_code == 302, response.content.decode())


def return_by_api(pk: int, reason: str) -> Said:
    from planwatch.web.api import tokens

    client = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.create('alice')[1]}")
    response = client.post(
        f"/api/submissions/{pk}/return", {"reason": reason}, content_type="application/json"
    )
    return answered(response, 200)


def return_by_cli(pk: int, reason: str) -> Said:
    result = runner.invoke(
        app, ["values", "return", str(pk), "--reason", reason, "--user", "alice"]
    )
    return Said(result.exit_code == 0, result.output)


RETURN_SURFACES = {"page": return_by_page, "api": return_by_api, "cli": return_by_cli}


@pytest.mark.parametrize("surface", RETURN_SURFACES)
def test_a_return_needs_a_reason_alike_through_every_surface(surface, alice, bob):
    submission = pending()
    assert not RETURN_SURFACES[surface](submission.pk, " ").ok
    assert Submission.objects.get().state == "submitted"
    assert RETURN_SURFACES[surface](submission.pk, "多输了一位").ok
    assert history_of(Submission.objects.get())[-1] == ("alice", "returned", "多输了一位")


# ---- correct: a published value, with a reason, for review --------------------------


def published(bob_name: str = "bob") -> Submission:
    done = values.approve_value(actor=user("alice"), submission_id=pending(bob_name).pk)
    return done


def correct_by_page(pk: int, value: float, reason: str) -> Said:
    form = {"value": str(value), "note": "", "reason": reason}
    response = page("bob").post(f"/submissions/{pk}/correct/", form)
    return Said(response.status_code == 302, response.content.decode())


def correct_by_api(pk: int, value: float, reason: str) -> Said:
    from planwatch.web.api import tokens

    client = Client(HTTP_AUTHORIZATION=f"Bearer {tokens.create('bob')[1]}")
    body = {"value": value, "reason": reason}
    response = client.post(
        f"/api/submissions/{pk}/corrections", body, content_type="application/json"
    )
    return answered(response, 201)


def correct_by_cli(pk: int, value: float, reason: str) -> Said:
    args = ["values", "correct", "gdp_growth", "2025", str(value), "--reason", reason]
    result = runner.invoke(app, [*args, "--user", "bob"])
    return Said(result.exit_code == 0, result.output)


CORRECT_SURFACES = {"page": correct_by_page, "api": correct_by_api, "cli": correct_by_cli}


@pytest.mark.parametrize("surface", CORRECT_SURFACES)
def test_a_correction_needs_a_reason_and_waits_for_review_alike_through_every_surface(
    surface, alice, bob
):
    original = published()
    refused = CORRECT_SURFACES[surface](original.pk, 6.3, "")
    assert not refused.ok
    assert "更正时请写明原因" in refused.text or "reason" in refused.text
    assert CORRECT_SURFACES[surface](original.pk, 6.3, "统计局终审数").ok, surface
    correction = Submission.objects.exclude(pk=original.pk).get()
    assert (correction.state, correction.corrects_origin) == (
        "submitted",
        f"submission:{original.pk}",
    )
    assert history_of(correction) == [
        ("bob", "submitted", f"更正 submission:{original.pk}:统计局终审数")
    ]
    assert ObservationRecord.objects.get(indicator__code="gdp_growth", period="2025").value == 6.1
