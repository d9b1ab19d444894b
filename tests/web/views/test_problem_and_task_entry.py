"""Reporting a problem and a key task's quarterly progress in the browser, through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from planwatch.cli.plan import DEMO_DATASET
from planwatch.services import problems
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import (
    ProblemRecord,
    SubTargetRecord,
    TaskProgressRecord,
    TaskRecord,
)


@pytest.fixture
def year_2025(db) -> None:
    load_year(DEMO_DATASET, 2025)


def problem_form(**changes: str) -> dict[str, str]:
    form = {
        "code": "WT-2025-901",
        "description": "开工滞后三个月",
        "source": "inspection",
        "link_kind": "project",
        "link": "2025-ZF-001",
        "department": "区商务委",
        "deadline": str(timezone.localdate() + timedelta(days=30)),
        "severity": "medium",
    }
    return form | changes


def test_the_plan_office_reports_a_problem_which_starts_as_found(year_2025, office):
    assert "/problems/new/" in office.get("/problems/").content.decode()
    response = office.post("/problems/new/", problem_form())
    assert response.status_code == 302
    assert response["Location"] == "/problems/WT-2025-901/?region=fuling"
    found = problems.problem("WT-2025-901")
    assert found.state.label_zh == "发现" and found.department == "区商务委"


def test_a_deadline_before_the_day_found_is_refused_beside_its_field(year_2025, office):
    yesterday = str(timezone.localdate() - timedelta(days=1))
    response = office.post("/problems/new/", problem_form(deadline=yesterday))
    assert response.status_code == 400
    assert "早于发现日期" in " ".join(response.context["form"].errors["deadline"])
    assert not ProblemRecord.objects.filter(code="WT-2025-901").exists()


def test_a_taken_code_is_refused_and_the_typed_text_kept(year_2025, office):
    taken = ProblemRecord.objects.order_by("code").first()
    assert taken is not None
    response = office.post("/problems/new/", problem_form(code=taken.code))
    assert response.status_code == 400 and "开工滞后三个月" in response.content.decode()


def test_a_clerk_may_not_report_a_problem(year_2025, commerce):
    assert commerce.get("/problems/new/").status_code == 403
    assert "/problems/new/" not in commerce.get("/problems/").content.decode()


def commerce_task() -> tuple[TaskRecord, SubTargetRecord]:
    task = TaskRecord.objects.filter(year=2025, lead="区商务委").order_by("code").first()
    assert task is not None
    sub = task.sub_targets.exclude(form="").order_by("code").first()
    assert sub is not None
    return task, sub


def test_the_lead_department_reports_a_quarter_and_the_task_page_shows_it(year_2025, commerce):
    task, sub = commerce_task()
    page = commerce.get(f"/tasks/{task.code}/?year=2025").content.decode()
    assert f"/tasks/{task.code}/progress/" in page
    TaskProgressRecord.objects.filter(sub_target=sub, quarter=4).delete()
    form = {"sub_target": sub.code, "quarter": "4", "value": "123.4", "note": "全年预计"}
    response = commerce.post(f"/tasks/{task.code}/progress/?year=2025", form)
    assert response.status_code == 302
    stored = TaskProgressRecord.objects.get(sub_target=sub, quarter=4)
    assert (stored.value, stored.source) == (123.4, "commerce")


def test_a_quarter_reported_again_without_a_reason_is_refused(year_2025, commerce):
    task, sub = commerce_task()
    kept = TaskProgressRecord.objects.filter(sub_target=sub).order_by("quarter").first()
    assert kept is not None
    form = {"sub_target": sub.code, "quarter": str(kept.quarter), "value": "1", "note": "改"}
    response = commerce.post(f"/tasks/{task.code}/progress/?year=2025", form)
    assert response.status_code == 400 and response.context["form"].errors
    assert TaskProgressRecord.objects.get(pk=kept.pk).value == kept.value


def test_another_department_may_not_report_the_task(year_2025, stats):
    task, _ = commerce_task()
    assert stats.get(f"/tasks/{task.code}/progress/?year=2025").status_code == 403
    assert "/progress/" not in stats.get(f"/tasks/{task.code}/?year=2025").content.decode()
