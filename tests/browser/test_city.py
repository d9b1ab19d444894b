"""The city view in a real browser: the city office ranks its districts and drills into one;
a district's clerk is refused the city and never sees another district's drafts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from planwatch.cli.demo import CITY_DISTRICTS
from planwatch.services import values
from planwatch.services.value_checks import Entry
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects import judged
from planwatch.web.projects.demo import load_year
from tests.browser.conftest import PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]


@pytest.fixture
def city(site: str) -> str:
    """Fuling's city with the demo's illustrative districts; a city user, a clerk of Fuling's
    区统计局 and one of 示例甲区's, who keeps a draft there."""
    for directory in sorted(CITY_DISTRICTS.iterdir()):
        load_dataset(directory)
        load_year(directory, 2025)
    judged.forget()
    create_user("mayor", PASSWORD, Role.LEADER, region="chongqing", replace=True)
    create_user("f_stats", PASSWORD, Role.CLERK, department="区统计局", region="fuling")
    a_stats = create_user("a_stats", PASSWORD, Role.CLERK, department="区统计局", region="sample-a")
    gdp = IndicatorRecord.objects.get(region__code="sample-a", code="gdp_growth")
    values.save_value_draft(actor=a_stats, indicator_id=gdp.id, entry=Entry("2025-Q4", 7.7))
    return site


def test_the_city_office_ranks_its_districts_and_drills_into_one(browser, city):
    page = log_in(browser, city, "mayor")
    page.goto(f"{city}/city/?year=2025&as_of=2025-09")
    ranking = page.locator("#city-ranking tbody tr")
    expect(ranking).to_have_count(4)
    assert "示例甲区" in ranking.first.inner_text()
    assert "未报" in ranking.last.inner_text() and "示例丙县" in ranking.last.inner_text()
    verdicts = page.locator("#city-verdicts")
    expect(verdicts.locator("thead th")).to_have_count(5)  # the indicator and four districts
    page.locator("select[name=indicator]").select_option(label="城镇调查失业率")
    page.get_by_role("button", name="查看").click()
    expect(page.get_by_role("heading", name="排名:城镇调查失业率")).to_be_visible()
    page.locator("#city-ranking").get_by_role("link", name="示例乙区").click()
    page.wait_for_url(lambda url: "region=sample-b" in url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("示例乙区")


def test_a_district_clerk_is_refused_the_city_and_another_district_s_drafts(browser, city):
    page = log_in(browser, city, "f_stats")
    assert page.goto(f"{city}/city/").status == 403
    page.goto(f"{city}/submissions/")
    assert "7.7" not in page.locator("#main").inner_text()  # 示例甲区's draft of the same bureau
    assert page.goto(f"{city}/?region=sample-a").status == 403
    own = log_in(browser, city, "a_stats")
    own.goto(f"{city}/submissions/")
    expect(own.locator("#main")).to_contain_text("7.7")
