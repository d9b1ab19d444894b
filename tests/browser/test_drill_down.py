"""Drill-down, cited lines and rankings in a real browser, as the roles that use them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.projects.demo import load_year
from tests.browser.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]


def listed_projects(page) -> int:
    return int(re.search(r"共(\d+)个项目", page.locator(".totals").inner_text())[1])


def test_a_leader_clicks_a_dashboard_figure_and_lands_on_the_list_it_counts(browser, site):
    load_year(DEMO_DATASET, 2025)
    page = log_in(browser, site, "leader")
    page.goto(f"{site}/?year=2025")
    lagging = page.locator("#proj-h ~ dl.facts dd a[href*='lagging=1']")
    count = int(lagging.inner_text())
    lagging.click()
    page.wait_for_url(re.compile(r"/projects/\?.*lagging=1"))
    assert listed_projects(page) == count > 0
    assert page.get_by_label("仅看滞后").is_checked()
    page.go_back()
    below = page.locator("a.count.v-below")
    shown = int(below.locator("strong").inner_text())
    below.click()
    page.wait_for_url(re.compile(r"verdict=below"))
    expect(page.locator("#indicator-table tbody tr")).to_have_count(shown)


def test_the_plan_office_opens_the_overdue_problems_from_the_dashboard(browser, site):
    load_year(DEMO_DATASET, 2025)
    page = log_in(browser, site, "office")
    page.goto(f"{site}/?year=2025")
    overdue = page.locator("a[href*='overdue=1']")
    count = int(overdue.inner_text())
    overdue.click()
    page.wait_for_url(re.compile(r"/problems/\?.*overdue=1"))
    expect(page.locator("article.problem")).to_have_count(count)
    assert page.locator("article.problem.overdue").count() == count > 0


def test_a_leader_opens_the_report_line_a_value_cites(browser, site):
    page = log_in(browser, site, "leader")
    page.goto(f"{site}/indicators/gdp_growth/?year=2024")
    page.get_by_role("link", name="报告第33行").first.click()
    page.wait_for_url(re.compile(r"/sources/seed/\?.*line=33#L33$"))
    line = page.locator("#L33")
    expect(line).to_have_class("cited")
    assert "地区生产总值增长6.5%左右" in line.inner_text()
    box, height = line.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height  # scrolled to the cited line


def test_the_plan_office_ranks_towns_and_departments_prints_and_exports(browser, site):
    load_year(DEMO_DATASET, 2025)
    page = log_in(browser, site, "office")
    page.locator("#main-nav").get_by_role("link", name="排名").click()
    page.wait_for_url(re.compile(r"/rankings/"))
    towns = page.locator("#towns-h").locator("xpath=../..").locator("tbody tr")
    assert towns.count() > 10
    assert towns.first.locator("td.rank").inner_text() == "1"
    with page.expect_download() as download:
        page.locator("a[href*='table=towns']").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.emulate_media(media="print")
    assert not page.locator("#main-nav").is_visible()
    assert not page.get_by_role("button", name="打印").is_visible()
    assert page.locator("table.standings").first.is_visible()


def test_a_clerk_has_no_rankings_in_its_menu(browser, site):
    page = log_in(browser, site, "stats")
    assert page.locator("#main-nav").get_by_role("link", name="排名").count() == 0
