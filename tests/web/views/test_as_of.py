"""Finding 3 of issue 10: one "as of" below every surface, chosen by one rule.

The dashboard judged 2025 on year-to-date values while the other surfaces
said 暂无数据; one early value moved the dashboard's 截至 month; projects
that had not reported for that month were judged on older figures.
"""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.utils import timezone

from planwatch.core.as_of import AsOfRule
from planwatch.core.evaluation import Verdict
from planwatch.core.observations import Period
from planwatch.services.evaluation import evaluate
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.projects.models import ProgressRecord, ProjectRecord
from planwatch.web.submissions.models import ReportingPeriod
from tests.web.views.conftest import indicator, user


def api_verdict(client, year, code, as_of=""):
    query = f"?as_of={as_of}" if as_of else ""
    body = client.get(f"/api/regions/fuling/evaluations/{year}{query}").json()
    return next(e["verdict"] for e in body["evaluations"] if e["indicator"] == code)


def dashboard_verdict(client, year, code, as_of=""):
    page = client.get(f"/?year={year}&as_of={as_of}").context["page"]
    return next(e.verdict.value for e in page.result.evaluations if e.indicator.code == code)


@pytest.mark.django_db
def test_the_dashboard_judges_2025_gdp_as_the_api_does(leader):
    assert dashboard_verdict(leader, 2025, "gdp_growth") == api_verdict(leader, 2025, "gdp_growth")


@pytest.mark.django_db
def test_the_2025_default_is_the_latest_month_most_indicators_reported_in(leader):
    result = evaluate("fuling", 2025)
    assert (result.as_of.period, result.as_of.rule) == (
        Period(2025, month=9),
        AsOfRule.MOST_REPORTED,
    )
    gdp = result.of("gdp_growth")
    assert (gdp.verdict, gdp.observation.period) == (Verdict.MET, Period(2025, quarter=3))


@pytest.mark.django_db
def test_asked_for_the_whole_year_in_year_reporters_are_not_reported(leader):
    result = evaluate("fuling", 2025, as_of="2025")
    assert result.as_of.rule is AsOfRule.GIVEN
    assert result.of("gdp_growth").verdict is Verdict.NOT_REPORTED  # Q4 owed, Q3 is the last
    assert result.of("gdp_growth").observation is None  # not judged on the Q3 figure
    assert result.of("budget_revenue_growth").verdict is Verdict.NOT_REPORTED


@pytest.mark.django_db
def test_as_of_october_gdp_is_judged_on_its_third_quarter(leader):
    html = leader.get("/?year=2025&as_of=2025-10").content.decode()
    assert "截至2025-Q3" in html  # the card: GDP growth judged on its year-to-date rate
    assert 'data-as-of="2025-10"' in html
    assert dashboard_verdict(leader, 2025, "gdp_growth", "2025-10") == "met"
    assert api_verdict(leader, 2025, "gdp_growth", "2025-10") == "met"


@pytest.mark.django_db
def test_one_early_value_does_not_move_the_as_of_month(leader):
    before = evaluate("fuling", 2025).as_of
    ObservationRecord.objects.create(
        indicator=indicator("gdp_growth"),
        period="2025-Q4",
        year=2025,
        value=6.3,
        status="actual",
        cumulative=True,
        source="illustrative",
        origin="test:early",
    )
    ObservationRecord.objects.create(
        indicator=indicator("new_urban_jobs"),
        period="2025-11",
        year=2025,
        value=1.8,
        status="actual",
        cumulative=True,
        source="illustrative",
        origin="test:early",
    )
    assert evaluate("fuling", 2025).as_of == before
    assert leader.get("/?year=2025").context["page"].result.as_of == before


@pytest.mark.django_db
def test_a_closed_reporting_period_sets_the_as_of_month_of_every_surface(leader, office):
    ReportingPeriod.objects.create(
        region=indicator("gdp_growth").region,
        period="2025-09",
        year=2025,
        due=timezone.localdate(),
        is_open=False,
        opened_by=user("office"),
        opened_at=timezone.now(),
        closed_by=user("office"),
        closed_at=timezone.now(),
    )
    api = leader.get("/api/regions/fuling/evaluations/2025").json()
    assert (api["as_of"], api["as_of_rule"]) == ("2025-09", "closed_period")
    assert str(leader.get("/?year=2025").context["page"].result.as_of) == "2025-09"
    assert leader.get("/?year=2025").context["projects"].period == Period(2025, month=9)


@pytest.mark.django_db
def test_one_projects_november_report_does_not_make_the_others_lag(leader):
    before = leader.get("/?year=2025&as_of=2025-10").context["projects"]
    project = ProjectRecord.objects.filter(year=2025, government=True).order_by("code").first()
    ProgressRecord.objects.create(
        project=project, year=2025, month=11, completed=Decimal(1), submitted_by="test"
    )
    after = leader.get("/?year=2025&as_of=2025-10").context["projects"]
    assert after.period == before.period == Period(2025, month=10)
    assert after.totals.lagging == before.totals.lagging
    november = leader.get("/?year=2025&as_of=2025-11").context["projects"]
    assert november.not_reported == november.totals.count - 1  # only one reported November
    assert november.totals.lagging <= 1  # nobody is judged on October's figures


@pytest.mark.django_db
def test_the_project_list_judges_the_month_asked_for(leader):
    listed = leader.get("/projects/?as_of=2025-10&government=1").context["page"]
    assert listed.period == Period(2025, month=10)
    assert not any(s.not_reported for s in listed.rows)  # every project reported October


@pytest.mark.django_db
def test_an_as_of_outside_the_year_is_refused_beside_the_scope(leader):
    assert leader.get("/?year=2024&as_of=2025-10").status_code == 400
    assert leader.get("/api/regions/fuling/evaluations/2024?as_of=2025-10").status_code == 422
    assert leader.get("/?as_of=2025-13").status_code in (400, 422)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/?as_of=2025-13", "截至期 '2025-13' 无法识别"),
        ("/city/?as_of=garbage", "截至期 'garbage' 无法识别"),
        ("/projects/?as_of=2025-Q5", "截至期 '2025-Q5' 无法识别"),
        ("/rankings/?year=2025&as_of=2024-10", "截至期 2024-10 不在 2025 年内"),
    ],
)
def test_a_malformed_as_of_is_refused_in_the_page_s_language(leader, path, says):
    response = leader.get(path)
    assert response.status_code == 400
    assert says in html.unescape(response.content.decode())
