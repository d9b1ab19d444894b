"""Recording a project's monthly progress: the workbook's checks, the department's right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.core.errors import NotFound
from planwatch.core.project_rows import read_progress
from planwatch.services import project_register
from planwatch.services.project_entry import ProgressEntry, progress_problems
from planwatch.services.projects import report_project_progress, writable_projects
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Forbidden
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProgressRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db
TRANSPORT = "2025-ZF-020"  # 区交通局's


@pytest.fixture(autouse=True)
def demo() -> None:
    load_year(DEMO_DATASET, 2025)


def stored(month: int = 11) -> ProgressRecord | None:
    return ProgressRecord.objects.filter(project__code=TRANSPORT, month=month).first()


def test_the_departments_clerk_records_a_month(transport_clerk) -> None:
    entry = ProgressEntry("2025-11", Decimal("2200.5"), narrative="路基完成")
    report = report_project_progress(actor=transport_clerk, code=TRANSPORT, entry=entry)
    assert report.completed == Decimal("2200.5")
    assert stored().submitted_by == "li" and stored().source == "web:li"


def test_another_departments_clerk_and_a_leader_are_refused(water_clerk, leader) -> None:
    entry = ProgressEntry("2025-11", Decimal(1))
    for actor in (water_clerk, leader):
        with pytest.raises(Forbidden):
            report_project_progress(actor=actor, code=TRANSPORT, entry=entry)
    assert stored() is None


def test_an_unknown_project_is_not_found(office) -> None:
    with pytest.raises(NotFound):
        report_project_progress(
            actor=office, code="NO-SUCH", entry=ProgressEntry("2025-11", Decimal(1))
        )


def test_the_page_refuses_what_the_workbook_refuses_for_the_same_reason(office) -> None:
    project = next(p for p in project_register.register(2025) if p.code == TRANSPORT)
    entry = ProgressEntry("2026-01", Decimal(-3))
    row = {"project": TRANSPORT, "month": "2026-01", "completed": Decimal(-3), "evidence": ""}
    _, imported = read_progress([(1, row)], projects=[project])
    assert progress_problems(project, entry) == {p.field: p.reason for p in imported}
    with pytest.raises(InvalidField) as refused:
        report_project_progress(actor=office, code=TRANSPORT, entry=entry)
    assert refused.value.field == "month"
    assert not ProgressRecord.objects.filter(project__code=TRANSPORT, year=2026).exists()


def test_clerks_report_their_departments_projects_and_leaders_none(transport_clerk, leader) -> None:
    mine = writable_projects(actor=transport_clerk)
    assert mine and {p.department.name for p in mine} == {"区交通局"}
    assert writable_projects(actor=leader) == []
