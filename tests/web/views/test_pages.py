"""What the pages show, their exports, the language switch and their query budgets."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord
from tests.web.views.conftest import client_for


@pytest.mark.django_db
def test_the_dashboard_counts_verdicts_and_writes_the_summary(leader):
    html = leader.get("/?year=2024").content.decode()
    assert "数据更新于" in html
    assert "高于预期" in html and "▲" in html  # a word and an icon, not colour alone
    assert "一般公共预算收入增速等12项指标高于预期" in html
    assert "进出口总额增速" in html  # lagging, flagged below 80%


@pytest.mark.django_db
def test_the_dashboard_opens_on_the_year_under_way_and_the_table_on_the_last_whole_year(leader):
    assert leader.get("/").context["scope"].year == 2025  # in-year values only
    assert leader.get("/indicators/").context["scope"].year == 2024


@pytest.mark.django_db
def test_a_year_is_judged_as_of_the_month_asked_for(leader):
    response = leader.get("/?year=2025&as_of=2025-10")
    assert str(response.context["page"].result.as_of) == "2025-10"
    html = response.content.decode()
    assert "截至2025-Q3" in html  # GDP growth judged on its year-to-date rate
    assert "未报" in html  # FDI: reported for September, not for October


@pytest.mark.django_db
def test_the_indicator_table_lists_binding_indicators_first(leader):
    rows = leader.get("/indicators/?year=2024").context["rows"]
    kinds = [e.indicator.binding.value for e in rows]
    assert kinds == sorted(kinds)  # "binding" < "expected"
    assert len(rows) == 31


@pytest.mark.django_db
def test_the_indicator_table_filters_and_sorts(leader):
    rows = leader.get("/indicators/?verdict=below&sort=attainment").context["rows"]
    assert {e.verdict.value for e in rows} == {"below"}
    attainments = [e.attainment for e in rows if e.indicator.binding.value == "expected"]
    assert attainments == sorted(attainments)
    owned = leader.get("/indicators/?owner=区商务委&q=进出口").context["rows"]
    assert [e.indicator.code for e in owned] == ["trade_growth"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/?format=xlsx",
        "/indicators/?format=xlsx&binding=binding",
        "/indicators/new_urban_jobs/?year=2025&format=xlsx",
        "/compare/?indicator=gdp_growth&format=xlsx",
        "/report/?format=xlsx",
        "/submissions/?format=xlsx",
        "/review/?format=xlsx",
    ],
)
def test_every_table_exports_to_excel(office, path):
    response = office.get(path)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value and sheet["A2"].value  # a title and the header row


@pytest.mark.django_db
def test_the_indicator_page_cites_sources_and_marks_illustrative_values(leader):
    html = leader.get("/indicators/new_urban_jobs/?as_of=2025-10").content.decode()
    assert "报告第37行" in html  # seed:L37
    assert "示例数据" in html
    assert "序时进度" in html  # the monthly chart's pace line
    assert "略慢于序时" in html  # judged in-year as on the dashboard: 1.66 of 2万人 by October


@pytest.mark.django_db
def test_comparison_spans_every_region_that_has_the_indicator(leader):
    fuling = IndicatorRecord.objects.get(region__code="fuling", code="gdp_growth")
    other = Region.objects.create(code="nanchuan", name="南川区")
    copy = IndicatorRecord.objects.create(
        region=other, code="gdp_growth", name="地区生产总值增速", unit="%", kind="growth",
        direction="higher", binding="expected",
    )  # fmt: skip
    TargetRecord.objects.create(indicator=copy, year=2024, form="at_least", text="6%以上", value=6)
    ObservationRecord.objects.create(
        indicator=copy, period="2024", year=2024, value=6.8, status="actual", origin="test"
    )
    rows = leader.get("/compare/?indicator=gdp_growth").context["page"].rows
    assert {(r.region.code, r.year) for r in rows} >= {("fuling", 2024), ("nanchuan", 2024)}
    assert fuling.code == "gdp_growth"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/nope/", "/indicators/no_such/", "/?year=1999", "/?region=atlantis", "/?year=abc"]
)
def test_unknown_pages_regions_and_years_are_not_found(leader, path):
    assert leader.get(path).status_code == 404


@pytest.mark.django_db
def test_pages_are_chinese_by_default_and_english_on_request(leader):
    headers = {"HTTP_ACCEPT_LANGUAGE": "en-US,en"}
    assert "总览" in leader.get("/", **headers).content.decode()
    leader.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = leader.get("/").content.decode()
    assert "Dashboard" in html and "above expectation" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        # each page +2 for the office's reminder badges: the open periods, the pending reviews
        ("/", 41),  # 14, the projects panel, 6 for 年内监测,
        # 1 for the year under way (the default), 2 for its projects panel, which has data,
        # 1 for the data version its judgement is kept under, 1 for the user's region
        # (services.nowcast: the month, the region, the plan year, last year's values)
        # +9 for what changed: the visit (2) and its mark in the session (3), the region,
        # the indicators, their values of the year, the last closed reporting period
        # +3 for resolving the as-of outside the kept body (what changed is the reader's),
        # which the body then evaluates to
        ("/indicators/", 15),
        ("/indicators/gdp_growth/", 34),  # 18, and 5 for its in-year monitoring and fan,
        # 9 for what changed (as the dashboard)
        ("/compare/?indicator=gdp_growth", 17),  # 12, and 3 for each year's default as-of
        ("/report/", 15),
        ("/submissions/", 13),  # 10, and 1 for the projects the office may report on
        ("/review/", 8),
    ],
)
def test_each_page_reads_a_bounded_number_of_queries(
    office, django_assert_max_num_queries, path, budget
):
    with django_assert_max_num_queries(budget):
        assert office.get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
        ("html", "text/html", b"<!DOCTYPE html>"),
        ("md", "text/markdown", b"# "),
    ],
)
def test_the_annual_report_downloads_in_every_format_for_anyone(fmt, content_type, magic):
    response = client_for(None).get(f"/report/annual.{fmt}?region=fuling&year=2024")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response.content.lstrip().startswith(magic) or magic in response.content[:200]
    shown = "inline" if fmt == "html" else "attachment"  # the HTML report opens in the browser
    assert response["Content-Disposition"].startswith(shown)


@pytest.mark.django_db
def test_an_unknown_report_format_is_not_found():
    assert client_for(None).get("/report/annual.exe?region=fuling&year=2024").status_code == 404


@pytest.mark.django_db
def test_the_dashboard_offers_the_report_downloads(office):
    page = office.get("/?region=fuling&year=2024").content.decode()
    assert "/report/annual.docx?region=fuling&amp;year=2024" in page
