"""Pages in a real browser: filters without reloading, the keyboard, charts drawn."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

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


def test_typing_in_the_search_box_filters_the_table_in_place(browser, site):
    page = log_in(browser, site, "office")
    page.goto(f"{site}/indicators/?year=2024")
    page.evaluate("window.notReloaded = true")
    page.locator("#main").get_by_label("搜索").fill("进出口")  # not the header's search
    # waits that run no script in the page: its content security policy forbids eval
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("q") == ["进出口"])
    rows = page.locator("#indicator-table tbody tr")
    expect(rows).to_have_count(1)
    assert rows.count() == 1 and "进出口总额增速" in rows.first.inner_text()
    assert page.evaluate("window.notReloaded") is True  # swapped by htmx, not a new page


def test_the_keyboard_reaches_the_content_first(browser, site):
    page = log_in(browser, site, "leader")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_the_indicator_page_draws_its_charts(browser, site):
    page = log_in(browser, site, "leader")
    page.goto(f"{site}/indicators/new_urban_jobs/?year=2025")
    page.locator(".chart svg").first.wait_for()
    assert page.locator(".chart svg").count() == 3  # the years, the months, the nowcast fan


def test_the_dashboard_draws_the_projects_s_curve(browser, site):
    load_year(DEMO_DATASET, 2025)
    page = log_in(browser, site, "leader")
    page.goto(f"{site}/?year=2025")
    curve = page.locator("#proj-h ~ .two .chart svg")
    curve.wait_for()
    assert curve.count() == 1
    assert "序时进度" in page.locator("#proj-h ~ .two .chart").inner_text()


def test_a_point_of_the_s_curve_opens_its_month_s_projects(browser, site):
    load_year(DEMO_DATASET, 2025)
    page = log_in(browser, site, "leader")
    page.goto(f"{site}/?year=2025")
    curve = page.locator("#proj-h ~ .two .chart")
    curve.locator("svg").wait_for()
    curve.scroll_into_view_if_needed()
    x, y = page.evaluate(
        """() => {
        const el = document.querySelector("#proj-h ~ .two .chart");
        const chart = echarts.getInstanceByDom(el);
        const september = chart.getOption().series[0].data[8];
        const [x, y] = chart.convertToPixel({seriesIndex: 0}, [8, september]);
        const box = el.getBoundingClientRect();
        return [box.left + x, box.top + y];
    }"""
    )
    page.mouse.click(x, y)
    page.wait_for_url("**/projects/?as_of=2025-09&government=1&region=fuling")
    assert page.locator("table").count() >= 1
