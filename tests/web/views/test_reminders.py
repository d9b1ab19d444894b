"""Reminders in the pages: badges in the navigation, what a clerk owes, the compliance table."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from planwatch.services import values
from planwatch.services.value_checks import Entry
from planwatch.web.submissions import periods
from tests.web.views.conftest import indicator, user


@pytest.fixture
def due_in_two_days(db) -> None:
    """2025-Q4 open, due in two days: a reminder stage for every quarterly value owed."""
    due = timezone.localdate() + timedelta(days=2)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)


def badge_after(html: str, label: str) -> str | None:
    found = re.search(label + r' <span class="nav-badge"[^>]*>(\d+)</span>', html)
    return found.group(1) if found else None


def test_a_clerk_sees_a_badge_and_what_it_owes_on_its_home_page(due_in_two_days, stats):
    html = stats.get("/").content.decode()
    assert badge_after(html, "数据报送") == "2"  # GDP and income growth
    panel = html[html.index('class="panel owed-panel"') :]
    assert "我的报送任务 · 区统计局" in panel and "地区生产总值增速 2025-Q4" in panel
    assert "距截止还有2天" in panel
    assert f"/submissions/new/{indicator('gdp_growth').id}/?period=2025-Q4" in panel


def test_the_badge_and_the_panel_go_when_the_values_are_submitted(due_in_two_days, stats):
    for code, value in [("gdp_growth", 6.1), ("income_growth", 5.8)]:
        entry = Entry("2025-Q4", value)
        values.submit_value(actor=user("stats"), indicator_id=indicator(code).id, entry=entry)
    html = stats.get("/").content.decode()
    assert badge_after(html, "数据报送") is None and "owed-panel" not in html


def test_the_plan_office_sees_pending_reviews_on_review(due_in_two_days, office):
    gdp = indicator("gdp_growth").id
    values.submit_value(actor=user("stats"), indicator_id=gdp, entry=Entry("2025-Q4", 6.1))
    html = office.get("/").content.decode()
    assert badge_after(html, "审核") == "1"
    assert "owed-panel" not in html  # the office owes no values itself


def test_no_badge_before_the_first_reminder_stage(db, stats):
    due = timezone.localdate() + timedelta(days=10)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    html = stats.get("/").content.decode()
    assert badge_after(html, "数据报送") is None and "距截止还有10天" in html


def test_the_compliance_page_counts_a_late_and_a_missing_value(db, leader):
    due = timezone.localdate() - timedelta(days=3)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    gdp = indicator("gdp_growth").id
    values.submit_value(actor=user("stats"), indicator_id=gdp, entry=Entry("2025-Q4", 6.1))
    html = leader.get("/compliance/").content.decode()
    month = due.strftime("%Y-%m")
    assert f"{month}截止" in html
    row = re.search(r"<th scope=\"row\">区统计局</th>(.*?)</tr>", html).group(1)
    found = re.findall(r'<td class="n">(?:<span class="overdue">)?([\d.%—]+)', row)[:5]
    assert found == ["2", "0", "1", "1", "0"]  # owed, on time, late (GDP), missing (income)
    assert "未报送较多的部门:" in html and "区商务委" in html


def test_the_compliance_table_downloads_as_excel(db, office):
    due = timezone.localdate() - timedelta(days=3)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    response = office.get("/compliance/?format=xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("截止月份", "单位", "应报", "按期")
    statistics = next(r for r in rows[2:] if r[1] == "区统计局")
    assert statistics[2:6] == (2, 0, 0, 2)  # owed, on time, late, missing


def test_the_compliance_page_is_for_government_users_only(anonymous):
    assert anonymous.get("/compliance/").status_code == 302


def test_the_html_report_opens_in_the_browser_and_the_others_download(leader):
    html = leader.get("/report/annual.html?year=2024")
    assert html["Content-Disposition"].startswith("inline;")
    assert leader.get("/report/annual.md?year=2024")["Content-Disposition"].startswith(
        "attachment;"
    )


def test_the_pending_state_icon_is_drawn_not_a_missing_glyph():
    from tests.conftest import REPO

    css = (REPO / "src/planwatch/web/static/planwatch/app.css").read_text(encoding="utf-8")
    assert "⧗" not in css
    assert ".s-submitted::before" in css and "data:image/svg+xml" in css


def test_a_clerk_lands_on_its_entry_page_listing_what_it_owes(db, stats):
    due = timezone.localdate() + timedelta(days=2)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    html = stats.get("/submissions/").content.decode()
    panel = html[html.index('class="panel owed-panel"') :]
    assert "地区生产总值增速 2025-Q4" in panel


def test_the_entry_form_opens_on_the_period_that_is_due(db, stats):
    due = timezone.localdate() + timedelta(days=2)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    html = stats.get(f"/submissions/new/{indicator('gdp_growth').id}/").content.decode()
    assert re.search(r'<option value="2025-Q4"[^>]* selected>', html)
