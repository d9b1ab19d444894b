"""`planwatch ingest DIR` and `planwatch review --map`: a directory of reports, then a
subject mapped once and applied to the next document."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.models import Document, DocumentStatement, ObservationRecord

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()

REVIEW_2024 = (
    "一、2024年国民经济和社会发展计划执行情况\n全区地区生产总值增长6.1%,快递业务量增长12%。\n"
)
REVIEW_2023 = (
    "一、2023年国民经济和社会发展计划执行情况\n全区地区生产总值增长5.2%,快递业务量增长9%。\n"
)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    (tmp_path / "a-2024.txt").write_text(REVIEW_2024, encoding="utf-8")
    (tmp_path / "b-2023.txt").write_text(REVIEW_2023, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.7\x00\x01\x02" * 100)
    (tmp_path / "notes.md").write_text("not a report", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,region,year\na-2024.txt,fuling,2024\nb-2023.txt,fuling,2023\nbroken.txt,fuling,2024\n",
        encoding="utf-8",
    )
    return tmp_path


def stored() -> tuple[int, int, int]:
    return (
        Document.objects.count(),
        DocumentStatement.objects.count(),
        ObservationRecord.objects.count(),
    )


def documents() -> set[tuple[str, str, int]]:
    return set(Document.objects.values_list("label", "region__code", "year"))


def test_a_directory_is_ingested_document_by_document_with_a_summary(reports: Path) -> None:
    before = documents()
    result = runner.invoke(app, ["ingest", str(reports)])
    assert result.exit_code == 1, result.output  # one document failed
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    assert "新增" in rows["a-2024.txt"] and "2024" in rows["a-2024.txt"]
    assert "失败" in rows["broken.txt"] and "no region" not in rows["broken.txt"]
    assert "notes.md" not in result.output
    assert documents() - before == {("a-2024", "fuling", 2024), ("b-2023", "fuling", 2023)}
    gdp = ObservationRecord.objects.get(indicator__code="gdp_growth", period="2023")
    assert (gdp.value, gdp.source) == (5.2, "b-2023:L2")


def test_the_summary_counts_found_mapped_and_waiting_statements(reports: Path) -> None:
    result = runner.invoke(app, ["ingest", str(reports)])
    total = next(line for line in result.output.splitlines() if "合计" in line)
    assert [cell.strip() for cell in total.split("│")[4:8]] == ["4", "2", "2", "1 失败"]


def test_ingesting_the_directory_again_changes_nothing(reports: Path) -> None:
    runner.invoke(app, ["ingest", str(reports)])
    before = stored()
    again = runner.invoke(app, ["ingest", str(reports)])
    assert stored() == before
    assert again.output.count("未变") == 2


def test_a_file_the_manifest_omits_needs_region_and_year_from_the_options(
    reports: Path,
) -> None:
    (reports / "manifest.csv").unlink()
    result = runner.invoke(app, ["ingest", str(reports), "--region", "fuling"])
    assert result.output.count("no region or year") == 3
    assert stored()[0] == 0


def test_a_subject_mapped_once_in_review_maps_in_every_later_document(reports: Path) -> None:
    create_user("alice", "long-test-password", Role.PLAN_OFFICE)
    runner.invoke(
        app, ["ingest", str(reports / "b-2023.txt"), "--region", "fuling", "--year", "2023"]
    )
    waiting = DocumentStatement.objects.get(subject="快递业务量")
    assert waiting.review == DocumentStatement.Review.PENDING

    mapped = runner.invoke(
        app,
        ["review", "--region", "fuling", "--map", "快递业务量", "retail_growth", "--user", "alice"],
    )
    assert mapped.exit_code == 0, mapped.output
    assert "now an alias of retail_growth" in mapped.output

    runner.invoke(
        app, ["ingest", str(reports / "a-2024.txt"), "--region", "fuling", "--year", "2024"]
    )
    later = DocumentStatement.objects.get(subject="快递业务量", document__year=2024)
    assert later.review == DocumentStatement.Review.MAPPED
    value = ObservationRecord.objects.get(indicator__code="retail_growth", period="2024")
    assert value.value == 12


def test_mapping_needs_a_plan_office_user(reports: Path) -> None:
    create_user("bob", "long-test-password", Role.CLERK, department="区统计局")
    runner.invoke(
        app, ["ingest", str(reports / "b-2023.txt"), "--region", "fuling", "--year", "2023"]
    )
    result = runner.invoke(
        app,
        ["review", "--region", "fuling", "--map", "快递业务量", "retail_growth", "--user", "bob"],
    )
    assert result.exit_code == 2
    assert "plan office" in result.output
