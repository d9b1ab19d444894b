from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from planwatch.core.errors import DatasetError, InvalidValue
from planwatch.core.observations import Period
from planwatch.core.progress import assess_all
from planwatch.core.project_dataset import read_project_data
from planwatch.core.project_totals import group_totals, totals
from planwatch.core.projects import to_yi
from planwatch.projects_io.excel import write_workbook
from planwatch.services import project_progress, project_register
from planwatch.web.errors import Forbidden
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import MilestoneRecord, ProgressRecord, ProjectRecord
from tests.conftest import DEMO_DATASET
from tests.core.project_builders import make_project, make_report

pytestmark = pytest.mark.django_db


def sizes() -> tuple[int, int, int]:
    return (
        ProjectRecord.objects.count(),
        MilestoneRecord.objects.count(),
        ProgressRecord.objects.count(),
    )


@pytest.fixture
def demo() -> None:
    load_year(DEMO_DATASET, 2025)


def test_loading_the_demo_stores_the_register_and_its_progress(demo: None) -> None:
    assert sizes()[0::2] == (354, 3540)


def test_loading_the_demo_twice_changes_nothing(demo: None) -> None:
    before = sizes()
    load_year(DEMO_DATASET, 2025)
    assert sizes() == before


def test_a_year_with_only_a_task_tree_loads_the_tree_and_nothing_else(db) -> None:
    loaded = load_year(DEMO_DATASET, 2024)
    assert (loaded.projects, loaded.sub_targets, loaded.problems) == (0, 66, 0)
    assert sizes() == (0, 0, 0)


def test_a_year_the_directory_knows_nothing_of_is_refused(db) -> None:
    with pytest.raises(DatasetError, match=r"tasks-2023\.toml"):
        load_year(DEMO_DATASET, 2023)


def test_the_stored_register_reproduces_the_seed_figures(demo: None) -> None:
    government = [p for p in project_register.register(2025) if p.government]
    assert (len(government), to_yi(totals(government).total)) == (286, Decimal("258.2"))
    by_category = {g.key: to_yi(g.annual_plan) for g in group_totals(government, "category")}
    assert by_category == {
        "新开工": Decimal("44.5"),
        "续建": Decimal("14.7"),
        "完工": Decimal("23.7"),
    }


def test_the_stored_register_is_the_file_register(demo: None) -> None:
    data = read_project_data(DEMO_DATASET, 2025)
    assert project_register.register(2025) == sorted(data.projects, key=lambda p: p.code)


def test_the_lag_notice_from_the_database_lists_what_the_core_rule_selects(demo: None) -> None:
    data = read_project_data(DEMO_DATASET, 2025)
    june = Period(2025, month=6)
    expected = {s.project.code for s in assess_all(data.projects, data.progress, june) if s.lagging}
    assert {s.project.code for s in project_register.lag_notice(june).lagging} == expected


def write_clerk_workbook(path: Path, *bad_rows: dict[str, object]) -> None:
    projects = [
        make_project("N1", department="区交通局"),
        make_project("N2", department="区水利局"),
    ]
    projects += [make_project(**{"code": f"B{i}", **row}) for i, row in enumerate(bad_rows)]
    write_workbook(
        path,
        departments=["区交通局"],
        projects=projects,
        progress=[
            make_report("N1", completed=300),
            make_report("2025-ZF-001", completed=10, reason="核减重复统计的支付"),
        ],
    )


def test_a_good_workbook_is_stored_with_its_source_and_submitter(
    demo: None, tmp_path: Path, office: User
) -> None:
    path = tmp_path / "clerk.xlsx"
    write_clerk_workbook(path)
    stored = project_register.import_workbook(path, actor=office)
    assert (stored.projects, stored.progress) == (2, 2)
    report = ProgressRecord.objects.get(project__code="2025-ZF-001", month=6)
    assert (report.completed, report.source, report.submitted_by) == (
        10,
        "excel:clerk.xlsx",
        "wang",
    )
    baseline, revision = report.history.order_by("history_id")
    assert (baseline.completed, revision.completed) == (1511, 10)
    assert (revision.history_user.username, revision.history_change_reason) == (
        "wang",
        "核减重复统计的支付",
    )


def test_a_bad_workbook_leaves_the_database_unchanged_and_reports_every_bad_row(
    demo: None, tmp_path: Path, office: User
) -> None:
    path = tmp_path / "bad.xlsx"
    write_clerk_workbook(
        path,
        {"department": "区月球局"},
        {"total": Decimal(-1), "annual_plan": Decimal(-2)},
        {"code": "N1"},
    )
    before = sizes()
    with pytest.raises(DatasetError) as caught:
        project_register.import_workbook(path, actor=office)
    assert sizes() == before
    assert [(p.line, str(p.reason)[:1]) for p in caught.value.problems] == [
        (2, "A"),  # N1 duplicated by the last row
        (4, "G"),
        (5, "K"),
        (5, "L"),
        (6, "A"),
    ]


def test_a_failure_midway_through_an_import_leaves_the_database_unchanged(
    demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, office: User
) -> None:
    path = tmp_path / "clerk.xlsx"
    write_clerk_workbook(path)
    before = sizes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError("disk full after the projects were written")

    monkeypatch.setattr(project_progress, "_upsert", disk_full)
    with pytest.raises(OSError):
        project_register.import_workbook(path, actor=office)
    assert sizes() == before
    assert not ProjectRecord.objects.filter(code="N1").exists()


def test_an_export_imports_back_without_changing_anything(
    demo: None, tmp_path: Path, office: User
) -> None:
    path = tmp_path / "export.xlsx"
    project_register.export_workbook(path, 2025)
    before = project_register.register(2025)
    project_register.import_workbook(path, actor=office)
    assert [p.code for p in project_register.register(2025)] == [p.code for p in before]
    assert sizes()[0::2] == (354, 3540)


def test_evidence_is_stored_and_listed_on_its_report(
    demo: None, tmp_path: Path, settings: object, office: User
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    june = Period(2025, month=6)
    project_register.attach_evidence(
        "2025-ZF-001", june, "现场.jpg", "image/jpeg", b"\xff\xd8", actor=office
    )
    report = ProgressRecord.objects.get(project__code="2025-ZF-001", month=6)
    assert report.evidence == [["现场.jpg", "image/jpeg", 2]]
    assert (
        tmp_path / "evidence" / "fuling" / "2025-ZF-001" / "2025-06" / "现场.jpg"
    ).read_bytes() == b"\xff\xd8"


def test_evidence_of_the_wrong_type_is_refused_before_anything_is_written(
    demo: None, tmp_path: Path, settings: object, office: User
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    with pytest.raises(InvalidValue):
        project_register.attach_evidence(
            "2025-ZF-001",
            Period(2025, month=6),
            "x.exe",
            "application/x-msdownload",
            b"MZ",
            actor=office,
        )
    assert not (tmp_path / "evidence").exists()


def test_a_clerk_may_import_only_their_own_departments_projects(
    demo: None, tmp_path: Path, transport_clerk: User
) -> None:
    path = tmp_path / "clerk.xlsx"
    write_clerk_workbook(path)  # also 区水利局's N2 and 区应急管理局's 2025-ZF-001
    before = sizes()
    with pytest.raises(Forbidden, match="不能报送区应急管理局、区水利局的项目"):
        project_register.import_workbook(path, actor=transport_clerk)
    assert sizes() == before


def test_a_clerk_of_another_department_cannot_attach_evidence(
    demo: None, water_clerk: User
) -> None:
    with pytest.raises(Forbidden):
        project_register.attach_evidence(
            "2025-ZF-001",
            Period(2025, month=6),
            "a.pdf",
            "application/pdf",
            b"%",
            actor=water_clerk,
        )
