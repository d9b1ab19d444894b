"""A problem's rectification evidence as real files: checked, stored outside the web root,
listed on the step and served to government users only."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from planwatch.core.problems import Action, State
from planwatch.services import problems
from planwatch.services.project_entry import Upload
from planwatch.web.editing.history import InvalidField
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7 minimal"


@pytest.fixture(autouse=True)
def demo(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    load_year(DEMO_DATASET, 2025)


@pytest.fixture
def rectifying() -> str:
    record = ProblemRecord.objects.filter(state=State.RECTIFYING.value).order_by("code").first()
    assert record is not None
    return record.code


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_submission_stores_its_files_and_lists_them_on_the_step(office, rectifying, tmp_path):
    upload = Upload("../整改报告.pdf", PDF)
    done = problems.take_problem_step(rectifying, Action.SUBMIT, actor=office, uploads=(upload,))
    assert done.state is State.PENDING_CHECK and done.history[-1].evidence == ("整改报告.pdf",)
    assert (
        tmp_path / "problem-evidence" / "fuling" / rectifying / "整改报告.pdf"
    ).read_bytes() == PDF


def test_a_renamed_file_is_refused_and_no_step_is_taken(office, rectifying, tmp_path):
    upload = Upload("photo.png", PDF)
    with pytest.raises(InvalidField) as refused:
        problems.take_problem_step(rectifying, Action.SUBMIT, actor=office, uploads=(upload,))
    assert "不是它的扩展名所说的类型" in refused.value.message
    assert problems.problem(rectifying).state is State.RECTIFYING
    assert not (tmp_path / "problem-evidence").exists()


def test_a_file_uploaded_in_the_browser_downloads_from_the_problem_page(office, leader, rectifying):
    upload = SimpleUploadedFile("验收材料.pdf", PDF, content_type="application/pdf")
    step = signed_in(office).post(f"/problems/{rectifying}/submit/", {"files": upload})
    assert step.status_code == 302
    page = signed_in(leader).get(f"/problems/{rectifying}/").content.decode()
    link = reverse("projects:problem-evidence", args=[rectifying, "验收材料.pdf"])
    assert link in page
    served = signed_in(leader).get(link)
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf"
    assert Client().get(link).status_code == 302  # anonymous: log in first


def test_a_name_no_step_lists_is_not_served(office, leader, rectifying):
    upload = Upload("a.pdf", PDF)
    problems.take_problem_step(rectifying, Action.SUBMIT, actor=office, uploads=(upload,))
    assert signed_in(leader).get(f"/problems/{rectifying}/evidence/b.pdf").status_code == 404
