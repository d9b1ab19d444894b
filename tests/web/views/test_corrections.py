"""The correction page: 提出更正 on an approved value, reviewed again in the queue."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.services import value_reads, values
from planwatch.services.values import Entry
from planwatch.web.submissions import periods
from planwatch.web.submissions.models import State, Submission
from tests.web.views.conftest import indicator, user


def approved() -> Submission:
    submission = values.submit_value(
        actor=user("stats"),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2024", 7.2),
    )
    return values.approve_value(actor=user("office"), submission_id=submission.id)


@pytest.mark.django_db
def test_a_clerk_proposes_a_correction_of_an_approved_value_and_the_office_sees_it(stats, office):
    original = approved()
    path = f"/submissions/{original.id}/correct/"
    assert path in stats.get("/submissions/").content.decode()
    assert "提出更正" in stats.get("/submissions/").content.decode()
    assert stats.get(path).status_code == 200
    form = {"value": "7.0", "note": "", "reason": ""}
    assert stats.post(path, form).status_code == 400
    assert stats.post(path, {**form, "reason": "终审数据"}).status_code == 302
    fix = Submission.objects.get(corrects=original)
    assert (fix.state, fix.period, fix.value) == (State.SUBMITTED, "2024", 7.0)
    queue = office.get("/review/").content.decode()
    assert "终审数据" in queue and "更正" in queue


@pytest.mark.django_db
def test_another_department_cannot_open_the_correction_page(commerce, leader):
    original = approved()
    assert commerce.get(f"/submissions/{original.id}/correct/").status_code == 403
    assert leader.post(f"/submissions/{original.id}/correct/", {"reason": "x"}).status_code == 403


@pytest.mark.django_db
def test_a_returned_correction_is_fixed_through_the_edit_page_even_in_a_closed_period(stats):
    original = approved()
    fix = correct(
        actor=user("stats"), submission_id=original.id, entry=Entry("2024", 7.0), reason="终审"
    )
    values.return_value(actor=user("office"), submission_id=fix.id, reason="请附来源")
    periods.open_period(
        actor=user("office"), region_code="fuling", period="2024", due=date(2025, 1, 31)
    )
    periods.close_period(actor=user("office"), region_code="fuling", period="2024")
    path = f"/submissions/{fix.id}/edit/"
    version = value_reads.version_of(Submission.objects.get(id=fix.id))
    form = {"value": "7.0", "note": "统计年鉴", "version": str(version), "submit": "1"}
    assert stats.post(path, form).status_code == 302
    fixed = Submission.objects.get(id=fix.id)
    assert (fixed.state, fixed.period, fixed.note) == (State.SUBMITTED, "2024", "统计年鉴")


def correct(*, actor, submission_id, entry, reason):
    """File a correction of an approved submission's current value."""
    original = value_reads.correctable(actor=actor, submission_id=submission_id)
    return values.correct_value(
        actor=actor, observation_id=original.observation_id, entry=entry, reason=reason
    )
