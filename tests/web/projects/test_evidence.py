"""Evidence files of monthly reports: checked on the way in, kept inside their report's
folder, and served only to government users, only when the report lists them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from planwatch.core.errors import NotFound
from planwatch.services.project_entry import ProgressEntry, Upload
from planwatch.services.projects import report_project_progress
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Forbidden
from planwatch.web.plan.models import Region
from planwatch.web.projects import evidence
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProgressRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db
TRANSPORT = "2025-ZF-020"  # 区交通局's
PDF = b"%PDF-1.7 minimal"


@pytest.fixture(autouse=True)
def demo(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    load_year(DEMO_DATASET, 2025)


def report_with(clerk, name: str, data: bytes = PDF) -> None:
    entry = ProgressEntry("2025-11", Decimal(2200), evidence=Upload(name, data))
    report_project_progress(actor=clerk, code=TRANSPORT, entry=entry)


def fuling() -> Region:
    return Region.objects.get(code="fuling")


def listed() -> list[str]:
    record = ProgressRecord.objects.get(project__code=TRANSPORT, year=2025, month=11)
    return [name for name, _, _ in record.evidence]


def test_a_name_with_a_path_is_stored_inside_its_reports_folder(transport_clerk, tmp_path):
    report_with(transport_clerk, "../../../etc/验收报告.pdf")
    assert listed() == ["验收报告.pdf"]
    assert (
        tmp_path / "evidence" / "fuling" / TRANSPORT / "2025-11" / "验收报告.pdf"
    ).read_bytes() == PDF


def test_a_second_file_of_the_same_name_is_kept_beside_the_first(transport_clerk, tmp_path):
    report_with(transport_clerk, "照片.pdf")
    report_with(transport_clerk, "照片.pdf", PDF + b" second")
    first, second = listed()
    assert first == "照片.pdf" and second != first
    folder = tmp_path / "evidence" / "fuling" / TRANSPORT / "2025-11"
    assert (folder / second).read_bytes() == PDF + b" second"


@pytest.mark.parametrize(
    ("name", "data", "complaint"),
    [
        ("run.exe", b"MZ", "只接受"),
        ("page.html", b"<script>", "只接受"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "不是它的扩展名"),
        ("huge.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "20 MB"),
    ],
)
def test_wrong_types_disguised_and_oversized_files_are_refused(
    transport_clerk, tmp_path, name, data, complaint
):
    with pytest.raises(InvalidField, match=complaint):
        report_with(transport_clerk, name, data)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_listed_file_is_served_to_a_leader_but_not_to_the_public(transport_clerk, leader):
    report_with(transport_clerk, "验收.pdf")
    file, kind = evidence.open_listed(
        actor=leader, code=TRANSPORT, period="2025-11", name="验收.pdf", region=fuling()
    )
    assert (file.read(), kind) == (PDF, "application/pdf")
    file.close()
    with pytest.raises(Forbidden):
        evidence.open_listed(
            actor=AnonymousUser(),
            code=TRANSPORT,
            period="2025-11",
            name="验收.pdf",
            region=fuling(),
        )


@pytest.mark.parametrize(
    "name", ["../../settings.py", "/etc/passwd", "../2025-10/验收.pdf", "..\\x.pdf", "other.pdf"]
)
def test_a_name_the_report_does_not_list_is_never_opened(transport_clerk, leader, name):
    report_with(transport_clerk, "验收.pdf")
    with pytest.raises(NotFound):
        evidence.open_listed(
            actor=leader, code=TRANSPORT, period="2025-11", name=name, region=fuling()
        )


def test_the_project_page_links_its_evidence_as_a_download(transport_clerk, client):
    report_with(transport_clerk, "验收.pdf")
    client.force_login(transport_clerk)
    page = client.get(f"/projects/{TRANSPORT}/").content.decode()
    url = f"/projects/{TRANSPORT}/evidence/2025-11/%E9%AA%8C%E6%94%B6.pdf"
    assert url in page
    served = client.get(url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"].startswith("attachment")
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
