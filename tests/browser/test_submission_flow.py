"""A clerk submits a value, the plan office approves it, the dashboard changes."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # Django's live server closes the shared in-memory SQLite connection from its
    # request threads and complains in a thread; the requests themselves succeed.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]


def gdp_card(page):
    return page.locator(".card").filter(has_text="地区生产总值增速")


def test_an_approved_submission_changes_the_dashboard(browser, site):
    clerk = log_in(browser, site, "stats")
    clerk.goto(f"{site}/?year=2024")
    assert "低于预期" in gdp_card(clerk).inner_text()  # 6.5 estimated against 7%以上

    clerk.get_by_role("link", name="数据报送").click()
    clerk.get_by_role("link", name="填报: 地区生产总值增速").click()
    clerk.get_by_label("报告期", exact=True).select_option("2024")
    clerk.get_by_label("数值", exact=True).fill("")
    clerk.get_by_role("button", name="提交审核").click()
    assert clerk.locator("#id_value_error").is_visible()  # the message sits by the field
    clerk.get_by_label("数值", exact=True).fill("7.2")
    clerk.get_by_role("button", name="提交审核").click()
    assert "已提交审核" in clerk.locator(".messages").inner_text()

    office = log_in(browser, site, "office")
    office.get_by_role("link", name="审核").click()
    office.get_by_role("button", name="通过: 地区生产总值增速 2024").click()
    assert "已通过" in office.locator(".messages").inner_text()

    office.goto(f"{site}/?year=2024")
    card = gdp_card(office).inner_text()
    assert "7.2" in card and "达到预期" in card
