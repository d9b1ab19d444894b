"""The reporting-period page: a clerk's list of what it owes, the office's open / close actions."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.web.submissions import periods
from planwatch.web.submissions.models import ReportingPeriod
from tests.web.views.conftest import indicator, user


def opened(period: str = "2025-Q4", due: date = date(2026, 1, 15)) -> ReportingPeriod:
    return periods.open_period(actor=user("office"), region_code="fuling", period=period, due=due)


@pytest.mark.django_db
def test_a_clerk_sees_what_it_owes_with_overdue_said_in_words(stats):
    opened(due=date(2020, 1, 1))
    html = stats.get("/periods/").content.decode()
    assert "地区生产总值增速" in html and "零售" not in html
    assert 'class="overdue"' in html and "逾期" in html
    assert 'href="/submissions/new/' in html and "?period=2025-Q4" in html
    assert "/close/" not in html


@pytest.mark.django_db
def test_the_plan_office_opens_and_closes_a_period_through_the_page(office):
    response = office.post(
        "/periods/open/", {"region": "fuling", "period": "2025-06", "due": "2025-07-10"}
    )
    assert response.status_code == 302
    html = office.get("/periods/").content.decode()
    assert "2025-06" in html and "区商务委" in html and "/periods/fuling/2025-06/close/" in html
    assert office.post("/periods/fuling/2025-06/close/").status_code == 302
    assert not ReportingPeriod.objects.get(period="2025-06").is_open


@pytest.mark.django_db
def test_a_bad_open_form_shows_its_error_and_others_may_not_open_or_close(office, stats, leader):
    assert (
        office.post("/periods/open/", {"region": "fuling", "period": "2025-06"}).status_code == 400
    )
    assert (
        stats.post(
            "/periods/open/", {"region": "fuling", "period": "2025-06", "due": "2025-07-10"}
        ).status_code
        == 403
    )
    opened()
    assert leader.post("/periods/fuling/2025-Q4/close/").status_code == 403
    assert leader.get("/periods/").status_code == 200


@pytest.mark.django_db
def test_the_submissions_page_links_to_the_periods(stats):
    assert 'href="/periods/"' in stats.get("/submissions/").content.decode()


@pytest.mark.django_db
def test_the_entry_form_says_beside_the_period_that_it_is_closed(stats):
    opened()
    periods.close_period(actor=user("office"), region_code="fuling", period="2025-Q4")
    path = f"/submissions/new/{indicator('gdp_growth').id}/"
    response = stats.post(path, {"period": "2025-Q4", "value": "6.1", "status": "actual"})
    assert response.status_code == 400
    assert (
        'id="id_period_error"' in response.content.decode() and "关闭" in response.content.decode()
    )
