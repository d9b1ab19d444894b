"""The in-year monitoring the dashboard and the indicator page show."""

from __future__ import annotations

import pytest

from planwatch.core.observations import Period
from planwatch.services.nowcast import nowcast_year

pytestmark = pytest.mark.django_db
ACTUAL = "累计实际"


def test_the_current_year_dashboard_shows_the_nowcast_and_the_warning(leader):
    response = leader.get("/?year=2025")
    inyear = response.context["inyear"]
    assert str(inyear.as_of) == "2025-09"
    html = response.content.decode()
    assert "年内监测" in html and "全年预计" in html
    assert "预警:约束性指标「国市考核断面水质优良比例」难以完成全年目标(区生态环境局)" in html
    panel = html[html.index("年内监测") :]
    assert panel.index("工业投资增速") < panel.index("规上工业增加值增速")  # 需加力 first


def test_the_dashboard_and_the_service_show_the_same_assessments(leader):
    shown = leader.get("/?year=2025").context["inyear"]
    direct = nowcast_year("fuling", 2025, Period(2025, month=9))
    assert [a.as_record() for a in shown.ranked()] == [a.as_record() for a in direct.ranked()]


def test_a_year_whose_whole_year_values_are_in_has_no_in_year_panel(leader):
    assert leader.get("/?year=2024").context["inyear"] is None


def test_the_indicator_page_draws_the_fan(leader):
    response = leader.get("/indicators/industrial_investment_growth/?year=2025")
    inyear = response.context["inyear"]
    # 1—9月 below the 10 % target; the rest growing as 2024 did (16 %) may still reach it
    assert inyear.assessment.tier.label_zh == "需加力"
    names = [s["name"] for s in inyear.chart["series"]]
    assert names == ["上年", ACTUAL, "目标", "全年预计", "预计区间", "预计区间"]
    fan = [s for s in inyear.chart["series"] if s.get("stack") == "fan"]
    width = fan[1]["data"]
    assert width[8] == 0 and width[11] == pytest.approx(
        inyear.assessment.high - inyear.assessment.low
    )
    assert "尚需" in response.content.decode()


def test_the_nowcast_names_its_unit_on_the_dashboard_and_the_indicator_page(leader):
    fdi = next(
        a
        for a in leader.get("/?year=2025").context["inyear"].ranked()
        if a.indicator.code == "fdi_utilized"
    )
    shown = f"{fdi.nowcast:.2f}万美元"
    assert shown in leader.get("/?year=2025").content.decode()
    assert shown in leader.get("/indicators/fdi_utilized/?year=2025").content.decode()
