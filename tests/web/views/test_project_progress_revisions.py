"""Issue 10, finding 4 on the page: a month reported again is a revision with a reason.

2025-QY-008 (区商务委's) has an annual plan of 51,444 万元, a total investment
of 102,888 万元, and reports January–October (October: 49,510 万元).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.web.projects.models import ProgressRecord

OWN = "2025-QY-008"
PAGE = f"/projects/{OWN}/progress/"


def stored(month: int) -> Decimal:
    return ProgressRecord.objects.get(project__code=OWN, year=2025, month=month).completed


def entry(**changes: object) -> dict[str, object]:
    return {"month": "2025-11", "completed": "50200", "narrative": "主体施工", **changes}


def errors(response) -> dict[str, str]:
    return {name: " ".join(e) for name, e in response.context["form"].errors.items()}


@pytest.mark.django_db
def test_a_month_already_reported_is_not_replaced_without_a_reason(commerce):
    response = commerce.post(PAGE, entry(month="2025-10", completed="49600"))
    assert response.status_code == 400
    assert "修改原因" in errors(response)["reason"]
    assert stored(10) == Decimal("49510")


@pytest.mark.django_db
def test_a_revision_with_a_reason_is_stored_and_shown_in_the_change_history(commerce, leader):
    response = commerce.post(
        PAGE, entry(month="2025-10", completed="49600", reason="补报10月下旬支付")
    )
    assert response.status_code == 302, errors(response)
    assert stored(10) == Decimal("49600")
    html = leader.get(f"/projects/{OWN}/").content.decode()
    assert "补报10月下旬支付" in html and "49510" in html and "49600" in html
    assert "(0)" not in html.split('id="chg-h"')[1][:200]


@pytest.mark.django_db
def test_a_cumulative_below_last_months_needs_a_reason(commerce):
    response = commerce.post(PAGE, entry(completed="40000"))
    assert response.status_code == 400
    assert "低于" in errors(response)["completed"] and "49510" in errors(response)["completed"]
    assert not ProgressRecord.objects.filter(project__code=OWN, month=11).exists()
    explained = commerce.post(PAGE, entry(completed="40000", reason="核减重复统计的支付"))
    assert explained.status_code == 302 and stored(11) == Decimal("40000")


@pytest.mark.django_db
def test_more_than_the_total_investment_is_refused_even_with_a_reason(commerce):
    response = commerce.post(PAGE, entry(completed="999999999", reason="确认"))
    assert response.status_code == 400
    assert "总投资" in errors(response)["completed"]
    assert not ProgressRecord.objects.filter(project__code=OWN, month=11).exists()


@pytest.mark.django_db
def test_more_than_the_annual_plan_needs_a_reason(commerce):
    response = commerce.post(PAGE, entry(completed="60000"))
    assert response.status_code == 400 and "年度计划投资" in errors(response)["completed"]
    assert commerce.post(PAGE, entry(completed="60000", reason="追加投资")).status_code == 302
    assert stored(11) == Decimal("60000")


@pytest.mark.django_db
def test_a_refused_report_keeps_what_was_typed(commerce):
    response = commerce.post(PAGE, entry(completed="40000", narrative="路面摊铺"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="40000"' in html and "路面摊铺" in html
    assert 'id="id_completed_error"' in html
