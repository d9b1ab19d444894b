"""Published reports: rendered once per data version, a bounded number at once, anonymous
visitors rate-limited; none of it lets an outsider hold the server."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from planwatch.services import values
from planwatch.services.value_checks import Entry
from planwatch.web import published
from planwatch.web.api import reports
from tests.web.conftest import Caller, indicator

pytestmark = pytest.mark.usefixtures("demo")
ANNUAL = "/api/regions/fuling/reports/annual/2024?format=md"


@pytest.fixture(autouse=True)
def forget_recent_reports():
    """The database is rolled back after each test; the process's recent reports must follow."""
    published._recent.clear()


@pytest.fixture
def renders(monkeypatch) -> list[tuple]:
    """Every render of an annual report, answered with a tiny body instead of the real one."""
    done: list[tuple] = []

    def render(code, year, fmt, *, as_of=None, sources=False):
        done.append((code, year, fmt, sources))
        return f"# report {len(done)}".encode()

    monkeypatch.setattr(reports, "annual_report", render)
    return done


def test_the_same_report_is_rendered_once_until_the_data_changes(renders, alice: Caller, bob):
    first, second = Client().get(ANNUAL), Client().get(ANNUAL)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == b"# report 1" and len(renders) == 1
    pk = indicator("gdp_growth").pk
    entry = Entry("2025-Q1", 5.9, note="一季度")
    clerk, office = (User.objects.get(username=c.username) for c in (bob, alice))
    sent = values.submit_value(actor=clerk, indicator_id=pk, entry=entry)
    values.approve_value(actor=office, submission_id=sent.id)
    assert Client().get(ANNUAL).content == b"# report 2"
    assert Client().get(ANNUAL + "&sources=true").content == b"# report 3"  # another report


def test_a_render_beyond_the_bound_is_refused_with_retry_after(renders, settings):
    settings.REPORT_RENDERS, settings.REPORT_RENDER_WAIT = 2, 0
    busy = [f"report-render:{n}" for n in range(2)]  # another worker renders two reports
    for slot in busy:
        cache.add(slot, 1)
    refused = Client().get(ANNUAL)
    cache.delete_many(busy)
    assert refused.status_code == 503 and refused["Retry-After"] == "10"
    assert refused.json()["code"] == "try_later" and not renders
    assert Client().get(ANNUAL).status_code == 200


def test_anonymous_visitors_are_rate_limited_per_address_and_signed_in_users_are_not(
    renders, settings, alice: Caller
):
    settings.ANONYMOUS_REPORT_RATE = "3/m"
    visitor, elsewhere = Client(REMOTE_ADDR="10.0.0.9"), Client(REMOTE_ADDR="10.0.0.7")
    answers = [visitor.get(ANNUAL).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = visitor.get(ANNUAL)
    assert limited["Retry-After"] == "60" and limited.json()["code"] == "try_later"
    assert visitor.get("/report/annual.md").status_code == 429  # the page's download too
    assert elsewhere.get(ANNUAL).status_code == 200
    signed_in = Client(REMOTE_ADDR="10.0.0.9")
    signed_in.force_login(User.objects.get(username="alice"))
    assert signed_in.get("/report/annual.md").status_code == 200


def test_requests_without_an_address_share_one_budget_rather_than_fail(renders, settings):
    settings.ANONYMOUS_REPORT_RATE = "2/m"
    unix_socket = Client(REMOTE_ADDR="")  # gunicorn behind a unix-socket proxy sets none
    answers = [unix_socket.get(ANNUAL).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
