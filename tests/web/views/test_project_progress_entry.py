"""A department's monthly project progress, entered on the submissions page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from planwatch.web.projects.models import ProgressRecord
from tests.web.views.conftest import client_for, user

OWN = "2025-QY-008"  # 区商务委's (commerce); milestones 开工, 主体完工, 竣工
OTHER = "2025-ZF-002"  # 区水利局's
PDF = b"%PDF-1.4 evidence"


def report(code: str, month: int = 11) -> ProgressRecord | None:
    return ProgressRecord.objects.filter(project__code=code, year=2025, month=month).first()


def entry(**changes: object) -> dict[str, object]:
    return {"month": "2025-11", "completed": "50200", "narrative": "主体施工", **changes}


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_a_clerk_sees_its_departments_projects_on_the_submissions_page(commerce, stats):
    html = commerce.get("/submissions/").content.decode()
    assert f"/projects/{OWN}/progress/" in html
    assert f"/projects/{OTHER}/progress/" not in html
    assert "/progress/" not in stats.get("/submissions/").content.decode()  # 区统计局 has none


@pytest.mark.django_db
def test_a_clerk_records_this_months_progress_of_its_project(commerce, settings):
    upload = SimpleUploadedFile("现场照片.pdf", PDF, content_type="application/pdf")
    response = commerce.post(
        f"/projects/{OWN}/progress/",
        entry(reached_start="2025-03-22", evidence=upload),
    )
    assert response.status_code == 302 and response["Location"] == f"/projects/{OWN}/?region=fuling"
    stored = report(OWN)
    assert stored.completed == Decimal("50200") and stored.submitted_by == "commerce"
    assert stored.reached == {"开工": "2025-03-22"} and stored.narrative == "主体施工"
    assert stored.evidence == [["现场照片.pdf", "application/pdf", len(PDF)]]
    assert (
        settings.MEDIA_ROOT / "evidence" / "fuling" / OWN / "2025-11" / "现场照片.pdf"
    ).read_bytes() == PDF


@pytest.mark.django_db
def test_reentering_a_month_with_a_reason_revises_it_and_keeps_its_evidence(commerce):
    upload = SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")
    commerce.post(f"/projects/{OWN}/progress/", entry(evidence=upload))
    commerce.post(f"/projects/{OWN}/progress/", entry(completed="50300", reason="补录"))
    stored = report(OWN)
    assert stored.completed == Decimal("50300") and [e[0] for e in stored.evidence] == ["a.pdf"]


@pytest.mark.django_db
def test_the_plan_office_enters_progress_for_any_department(office):
    assert office.post(f"/projects/{OTHER}/progress/", entry(completed="2400")).status_code == 302
    assert report(OTHER).submitted_by == "office"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"completed": "-5"}, "completed", "完成投资为负数"),
        ({"completed": "很多"}, "completed", ""),
        ({"reached_start": "2025-13-40"}, "reached_start", ""),
        ({"month": "2024-11"}, "month", ""),
        ({"evidence": SimpleUploadedFile("x.pdf", b"MZ not a pdf")}, "evidence", "不是"),
        ({"evidence": SimpleUploadedFile("x.exe", b"MZ")}, "evidence", "PDF"),
    ],
)
def test_a_bad_value_is_refused_beside_its_field_and_nothing_is_written(
    commerce, changes, field, message
):
    response = commerce.post(f"/projects/{OWN}/progress/", entry(**changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field] and message in " ".join(errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert report(OWN) is None


@pytest.mark.django_db
def test_a_clerk_cannot_enter_another_departments_project(commerce):
    assert commerce.get(f"/projects/{OTHER}/progress/").status_code == 403
    assert commerce.post(f"/projects/{OTHER}/progress/", entry()).status_code == 403
    assert report(OTHER) is None


@pytest.mark.django_db
def test_leaders_cannot_enter_progress(leader):
    assert leader.post(f"/projects/{OWN}/progress/", entry()).status_code == 403
    assert "/progress/" not in leader.get(f"/projects/{OWN}/").content.decode()
    assert report(OWN) is None


@pytest.mark.django_db
def test_an_unknown_project_is_not_found(commerce):
    assert commerce.post("/projects/NO-SUCH/progress/", entry()).status_code == 404


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("commerce"))
    assert client.post(f"/projects/{OWN}/progress/", entry()).status_code == 403
    assert report(OWN) is None


@pytest.mark.django_db
def test_the_project_page_offers_the_form_to_its_department_only(commerce, stats):
    assert f"/projects/{OWN}/progress/" in commerce.get(f"/projects/{OWN}/").content.decode()
    assert f"/projects/{OWN}/progress/" not in stats.get(f"/projects/{OWN}/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "path", "budget"),
    [
        ("commerce", "/submissions/", 12),  # 11, and 1 for the open periods of "what I owe"
        ("commerce", f"/projects/{OWN}/progress/", 8),
    ],
)
def test_the_entry_pages_read_a_bounded_number_of_queries(
    django_assert_max_num_queries, who, path, budget
):
    client = client_for(who)
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_the_form_starts_from_the_latest_report(commerce):
    html = commerce.get(f"/projects/{OWN}/progress/").content.decode()
    assert 'value="2025-03-22"' in html  # 开工 as last reported, in the date input's format
    assert '<option value="2025-11" selected>' in html  # the month after the latest report


@pytest.mark.django_db
def test_the_submissions_page_shows_each_projects_last_reported_month(commerce):
    projects = commerce.get("/submissions/").context["projects"]
    assert {p.last_month for p in projects} == {10}


@pytest.mark.django_db
def test_an_oversized_file_is_refused_before_it_is_read(commerce, monkeypatch):
    monkeypatch.setattr("planwatch.web.projects.forms.EVIDENCE_MAX_BYTES", 10)
    upload = SimpleUploadedFile("big.pdf", PDF, content_type="application/pdf")
    response = commerce.post(f"/projects/{OWN}/progress/", entry(evidence=upload))
    assert response.status_code == 400 and list(response.context["form"].errors) == ["evidence"]
    assert report(OWN) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/?year=2025",
        "/?year=2024",
        "/problems/WT-2025-003/",
        "/tasks/3-2/",
        f"/projects/{OWN}/",
        f"/projects/{OWN}/progress/",
        "/submissions/",
    ],
)
def test_the_new_pages_read_in_english_too(commerce, path):
    commerce.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = commerce.get(path).content.decode()
    assert '<html lang="en">' in html
