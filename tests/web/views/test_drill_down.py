"""Every figure of the dashboard opens the list it counts, with as many rows; cited lines
open the stored document; 环比 and new values; the rankings page."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from planwatch.core.observations import Period, Status
from planwatch.services.value_loads import publish_values
from planwatch.services.values import Published
from planwatch.web.submissions import periods
from tests.web.views.conftest import client_for, indicator, user

pytestmark = pytest.mark.django_db


def figure(page: str, pattern: str) -> tuple[str, int]:
    """The address and the number of the one link whose address matches ``pattern``."""
    found = re.findall(rf'href="([^"]*{pattern}[^"]*)">(?:<strong>)?(\d+)<', page)
    assert len(set(found)) == 1, found
    return html.unescape(found[0][0]), int(found[0][1])


def shown_indicators(page: str) -> int:
    return int(re.search(r"显示(\d+)项", page).group(1))


def shown_projects(page: str) -> int:
    return int(re.search(r"共(\d+)个项目", page).group(1))


def test_each_verdict_count_opens_the_indicator_table_with_as_many_rows(office):
    page = office.get("/").content.decode()
    counts = re.findall(r'class="count v-(\w+)" href="([^"]+)">\s*<strong>(\d+)</strong>', page)
    assert {verdict for verdict, _, _ in counts} >= {"above", "met", "below"}
    for _, href, n in counts:
        assert shown_indicators(office.get(html.unescape(href)).content.decode()) == int(n)


def test_the_lagging_indicators_count_opens_the_lagging_indicators(office):
    page = office.get("/").content.decode()
    href, n = figure(page, r"/indicators/\?[^\"]*lagging=1")
    listed = office.get(href).content.decode()
    assert shown_indicators(listed) == n > 0
    assert listed.count('<tr class="r-below') + listed.count("flagged") >= 1


@pytest.mark.parametrize("made_of", [r"&amp;lagging=1&amp;region=fuling", r"&amp;not_reported=1"])
def test_the_project_figures_open_the_projects_they_count(office, made_of):
    href, n = figure(office.get("/").content.decode(), rf"/projects/\?as_of=[^\"]*{made_of}")
    assert shown_projects(office.get(href).content.decode()) == n


def test_the_project_total_opens_the_government_projects(office):
    page = office.get("/").content.decode()
    href, n = figure(page, r'/projects/\?as_of=[\d-]+&amp;government=1&amp;region=fuling(?=")')
    assert shown_projects(office.get(href).content.decode()) == n > 0


def test_a_month_of_the_s_curve_opens_the_projects_as_of_that_month(office):
    page = office.get("/").content.decode()
    months = re.findall(r'href="(/projects/\?as_of=(\d{4}-\d\d)&amp;government=1[^"]*)">\2<', page)
    assert len(months) >= 6
    listed = office.get(html.unescape(months[2][0])).content.decode()
    assert f"截至{months[2][1]}" in listed or months[2][1] in listed


def test_not_reported_projects_are_those_without_the_months_report(office):
    everything = shown_projects(
        office.get("/projects/?as_of=2025-11&government=1").content.decode()
    )
    november = "/projects/?as_of=2025-11&government=1&not_reported=1"  # no report yet
    assert shown_projects(office.get(november).content.decode()) == everything > 0
    september = "/projects/?as_of=2025-09&government=1&not_reported=1"  # every one reported
    assert shown_projects(office.get(september).content.decode()) == 0


def test_the_overdue_problem_count_opens_the_board_showing_only_those(office):
    href, n = figure(office.get("/").content.decode(), r"/problems/\?region=fuling&amp;overdue=1")
    board = office.get(href).content.decode()
    assert board.count("<article") == n > 0
    assert board.count('<article class="problem overdue">') == n


def test_the_board_shows_one_state_when_asked(office):
    board = office.get("/problems/?state=closed").content.decode()
    assert 'id="col-closed"' in board and 'id="col-found"' not in board


def test_a_cited_line_opens_the_stored_report_at_that_line(office):
    page = office.get("/indicators/gdp_growth/?year=2024").content.decode()
    href = html.unescape(re.search(r'<a class="source" href="([^"]+)">报告第33行</a>', page)[1])
    assert href == "/sources/seed/?region=fuling&line=33#L33"
    source = office.get(href).content.decode()
    cited = re.search(r'<li id="L33" value="33" class="cited"[^>]*>([^<]*)</li>', source)
    assert cited and "地区生产总值增长6.5%左右" in cited[1]
    assert source.count('class="cited"') == 1


def test_a_range_of_lines_is_marked_whole(office):
    source = office.get("/sources/seed/?region=fuling&line=43-45").content.decode()
    assert re.findall(r'<li id="L(\d+)"[^>]*class="cited"', source) == ["43", "44", "45"]


def test_the_stored_report_is_for_government_users_only():
    assert client_for("citizen").get("/sources/seed/?line=33").status_code == 403
    assert client_for(None).get("/sources/seed/?line=33").status_code == 302
    assert client_for("stats").get("/sources/seed/?line=33").status_code == 200
    assert client_for("office").get("/sources/nothing/").status_code == 404


def test_the_dashboard_says_what_changed_since_the_month_before(office):
    page = office.get("/").content.decode()
    assert "比上月提高0.1个百分点" in page  # 规上工业增加值增速 9 → 9.1 (2025-08 → 09)
    assert "比上季度下降0.1个百分点" in page  # 地区生产总值增速 6.3 → 6.2 (Q2 → Q3)


def test_the_dashboard_s_change_panel_names_no_one_period_for_monthly_and_quarterly_rows(office):
    """Its rows are months and quarters: the heading says 上期, each row says which."""
    page = office.get("/").content.decode()
    assert "较上期变化" in page and "较上月变化" not in page
    office.cookies["django_language"] = "en"
    english = office.get("/").content.decode()
    assert "What changed since the period before" in english and "Month on month" not in english


def test_the_indicator_page_says_its_change_in_its_unit(office):
    page = office.get("/indicators/industry_va_growth/?year=2025").content.decode()
    assert "比上月提高0.1个百分点" in page and "(2025-08: 9)" in page


def test_a_quarterly_indicator_s_change_is_named_against_the_quarter(office):
    page = office.get("/indicators/gdp_growth/?year=2025").content.decode()
    assert "较上季度变化" in page and "较上月变化" not in page
    office.cookies["django_language"] = "en"
    english = office.get("/indicators/gdp_growth/?year=2025").content.decode()
    assert "Quarter on quarter (2025-Q3)" in english and "Month on month" not in english


@pytest.mark.parametrize("kept_for", [0, 3600])  # the panel rendered afresh, or kept
def test_values_stored_after_the_last_visit_are_marked_new_on_the_next_visit(settings, kept_for):
    settings.FRAGMENT_SECONDS = kept_for
    first = client_for("leader").get("/").content.decode()
    assert "new-mark" not in client_for("leader").get("/").content.decode()  # nothing new yet
    assert "此后录入的数值将在您下次访问时标为“新”" in first
    assert 'class="new-mark"' not in first
    october = Published(Period(2025, month=10), Status.ACTUAL, 4.7, "synthetic")
    publish_values(
        actor=None, values=[(indicator("tax_revenue_growth"), october)], origin="synthetic"
    )
    page = client_for("leader").get("/").content.decode()  # a new session: the next visit
    assert re.search(r'税收收入增速</a><span class="new-mark">', page)
    assert page.count('<span class="new-mark">') == 1
    assert "new-mark" not in client_for("office").get("/").content.decode()  # its first visit


def test_the_api_gives_the_same_change_with_words(office):
    body = office.get("/api/regions/fuling/changes/2025?as_of=2025-09").json()
    industry = next(c for c in body["changes"] if c["indicator"] == "industry_va_growth")
    assert (industry["period"], industry["previous_period"]) == ("2025-09", "2025-08")
    assert industry["way"] == "up" and industry["better"] is True
    assert industry["words"] == "比上月提高0.1个百分点"
    assert round(industry["change"], 6) == 0.1


def test_the_rankings_rank_towns_departments_and_reporting(office, leader):
    due = timezone.localdate() - timedelta(days=3)
    periods.open_period(actor=user("office"), region_code="fuling", period="2025-Q4", due=due)
    page = leader.get("/rankings/").content.decode()
    assert page.count('class="grid compact standings"') == 3
    ranks = [int(r) for r in re.findall(r'<td class="rank">(\d+)</td>', page)]
    assert ranks[0] == 1
    town = re.search(
        r'href="(/projects/\?[^"]*&amp;town=[^"]+)">([^<]+)</a></th>\s*<td class="n">(\d+)</td>',
        page,
    )
    assert shown_projects(office.get(html.unescape(town[1])).content.decode()) == int(town[3])
    assert 'href="/rankings/"' in page
    assert 'href="/rankings/"' not in client_for("stats").get("/").content.decode()


def test_each_rankings_table_exports_to_excel(office):
    for table in ("towns", "departments", "submissions"):
        answer = office.get(f"/rankings/?table={table}&format=xlsx")
        assert answer.status_code == 200 and answer.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        # 4 for the user and its role, 5 for the default month, 1 for the data version and
        # 3 for the month's judgement, 4 for the reporting, 2 for the office's badges
        ("/rankings/", 19),
        ("/sources/seed/?line=33", 8),  # 4 for the user, the region, the text, 2 badges
        ("/problems/?overdue=1", 12),
        ("/projects/?not_reported=1&government=1", 16),
    ],
)
def test_the_new_pages_read_a_bounded_number_of_queries(
    office, django_assert_max_num_queries, path, budget
):
    with django_assert_max_num_queries(budget):
        assert office.get(path).status_code == 200


def test_a_key_task_links_the_report_line_it_comes_from(leader):
    page = leader.get("/tasks/?year=2025").content.decode()
    href = re.search(r'<a class="source" href="(/sources/seed/\?line=(\d+)#L\2)">', page)
    assert href, "the task tree cites its report lines"
    source = leader.get(html.unescape(href[1])).content.decode()
    assert f'<li id="L{href[2]}" value="{href[2]}" class="cited"' in source
