"""A clerk is reminded of a value due soon: by e-mail, by a badge and on its home page."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from planwatch.web.reminders.send import send_reminders
from planwatch.web.submissions import periods
from tests.browser.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]
SHOTS = os.environ.get("PLANWATCH_SCREENSHOTS")  # a folder: keep the pages as pictures


def test_a_clerk_sees_the_badge_and_what_it_owes_then_submits(browser, site):
    office, clerk = User.objects.get(username="office"), User.objects.get(username="stats")
    User.objects.filter(pk=clerk.pk).update(email="stats@example.org")
    due = timezone.localdate() + timedelta(days=1)
    periods.open_period(actor=office, region_code="fuling", period="2025-Q4", due=due)
    send_reminders()
    (message,) = [m for m in mail.outbox if m.to == ["stats@example.org"]]
    assert "地区生产总值增速 2025-Q4" in message.body and "距截止还有1天" in message.body

    page = log_in(browser, site, "stats")
    badge = page.get_by_role("link", name="数据报送").locator(".nav-badge")
    assert badge.inner_text() == "2"  # GDP growth and income growth are quarterly in the demo
    panel = page.locator(".owed-panel")
    assert "我的报送任务 · 区统计局" in panel.inner_text()
    assert "距截止还有1天" in panel.inner_text()
    _shoot(page, "clerk-home")

    panel.get_by_role("link", name="地区生产总值增速 2025-Q4").click()
    page.get_by_label("数值", exact=True).fill("6.1")
    page.get_by_role("button", name="提交审核").click()
    assert "已提交审核" in page.locator(".messages").inner_text()
    page.goto(f"{site}/")
    assert "地区生产总值增速" not in page.locator(".owed-panel").inner_text()
    assert page.get_by_role("link", name="数据报送").locator(".nav-badge").inner_text() == "1"

    desk = log_in(browser, site, "office")
    assert desk.get_by_role("link", name="审核").locator(".nav-badge").inner_text() == "1"
    desk.get_by_role("link", name="数据报送").click()
    desk.get_by_role("link", name="报告期").click()
    desk.get_by_role("link", name="按月报送情况 →").click()
    statistics = desk.get_by_role("row").filter(has_text="区统计局").first.inner_text()
    assert statistics.split()[:3] == ["区统计局", "2", "1"]  # owed 2, on time 1
    _shoot(desk, "compliance")


def _shoot(page, name: str) -> None:
    """Keep the page at desktop and phone width; the phone page must fit its screen."""
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
