"""Department submissions: enter, submit, approve, return; tampering gives 4xx, never 500."""

from __future__ import annotations

import pytest

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.evaluation import Verdict
from planwatch.core.validation import errors
from planwatch.services import value_checks, value_reads, values
from planwatch.services.evaluation import evaluate
from planwatch.services.values import Entry
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions.models import State, Submission
from tests.web.views.conftest import indicator, user


def submitted(code: str = "sei_va_growth", value: float = 12.0, who: str = "office") -> Submission:
    return values.submit_value(
        actor=user(who),
        indicator_id=indicator(code).id,
        entry=Entry("2024", value),
    )


def verdict_of(code: str) -> Verdict:
    result = evaluate("fuling", 2024)
    return next(e.verdict for e in result.evaluations if e.indicator.code == code)


@pytest.mark.django_db
def test_a_clerk_saves_a_draft_for_its_own_indicator():
    draft = values.save_value_draft(
        actor=user("stats"), indicator_id=indicator("gdp_growth").id, entry=Entry("2025-Q3", 6.2)
    )
    assert (draft.state, draft.department, draft.year) == (State.DRAFT, "区统计局", 2025)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["commerce", "leader", "citizen"])
def test_nobody_else_writes_a_departments_indicator(who):
    with pytest.raises(Forbidden):
        values.save_value_draft(
            actor=user(who), indicator_id=indicator("gdp_growth").id, entry=Entry("2024", 1)
        )


@pytest.mark.django_db
def test_an_approved_value_becomes_an_observation_and_changes_the_verdict():
    assert verdict_of("sei_va_growth") is Verdict.NO_DATA
    submission = submitted("sei_va_growth", 12.0)
    values.approve_value(actor=user("deputy"), submission_id=submission.id)
    observation = ObservationRecord.objects.get(origin=f"submission:{submission.id}")
    assert (observation.value, observation.source) == (12.0, "区经济信息委报送")
    assert verdict_of("sei_va_growth") is Verdict.ABOVE


@pytest.mark.django_db
def test_a_later_approved_actual_replaces_the_published_estimate():
    assert verdict_of("gdp_growth") is Verdict.BELOW  # 6.5 estimated against 7%以上
    submission = submitted("gdp_growth", 7.2, who="stats")
    values.approve_value(actor=user("office"), submission_id=submission.id)
    assert verdict_of("gdp_growth") is Verdict.MET


@pytest.mark.django_db
def test_returning_needs_a_reason_and_lets_the_clerk_correct_and_resubmit():
    submission = submitted("gdp_growth", 27.0, who="stats")
    with pytest.raises(InvalidValue):
        values.return_value(actor=user("office"), submission_id=submission.id, reason=" ")
    values.return_value(actor=user("office"), submission_id=submission.id, reason="多输了一位")
    fixed = values.submit_value(
        actor=user("stats"),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2024", 7.2),
        submission_id=submission.id,
        version=value_reads.version_of(Submission.objects.get(id=submission.id)),
    )
    assert (fixed.id, fixed.state, fixed.value) == (submission.id, State.SUBMITTED, 7.2)


@pytest.mark.django_db
def test_a_draft_cannot_be_approved_and_an_approved_value_cannot_be_edited():
    draft = values.save_value_draft(
        actor=user("stats"), indicator_id=indicator("gdp_growth").id, entry=Entry("2024", 7)
    )
    with pytest.raises(Conflict):
        values.approve_value(actor=user("office"), submission_id=draft.id)
    done = submitted()
    values.approve_value(actor=user("deputy"), submission_id=done.id)
    with pytest.raises(Conflict):
        value_reads.editable(actor=user("office"), submission_id=done.id)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "period", "value", "field"),
    [
        ("gdp_growth", "2023", 6.0, "period"),  # no plan for 2023
        ("gdp_growth", "2024-13", 6.0, "period"),
        ("water_quality_share", "2024", 140.0, "value"),  # a share above 100%
        ("hitech_firms", "2024", -3.0, "value"),  # a negative count
    ],
)
def test_entries_that_cannot_be_true_are_refused_with_the_field_named(code, period, value, field):
    problems = errors(value_checks.findings(indicator(code), Entry(period, value)))
    assert [p.field for p in problems] == [field]
    with pytest.raises(InvalidValue):
        values.save_value_draft(
            actor=user("office"), indicator_id=indicator(code).id, entry=Entry(period, value)
        )


@pytest.mark.django_db
def test_the_entry_form_shows_the_error_next_to_the_field(commerce):
    path = f"/submissions/new/{indicator('retail_growth').id}/"
    response = commerce.post(path, {"period": "2024", "value": "abc", "status": "actual"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_value_error"' in html and 'aria-invalid="true"' in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_clerk_submits_through_the_form_and_the_office_approves_through_the_queue(stats, office):
    path = f"/submissions/new/{indicator('gdp_growth').id}/"
    form = {"period": "2024", "value": "7.3", "status": "actual", "note": "统计快报", "submit": "1"}
    assert stats.post(path, form).status_code == 302
    submission = Submission.objects.get()
    assert submission.state == State.SUBMITTED
    assert "统计快报" in office.get("/review/").content.decode()
    assert office.post(f"/review/{submission.id}/approve/").status_code == 302
    assert "7.3" in office.get("/indicators/gdp_growth/?year=2024").content.decode()


@pytest.mark.django_db
def test_tampered_posts_get_4xx_never_500(office, stats, commerce, leader, anonymous):
    theirs = submitted("retail_growth", 6.0, who="commerce")
    assert stats.post(f"/review/{theirs.id}/approve/").status_code == 403
    assert leader.post(f"/review/{theirs.id}/return/", {"reason": "x"}).status_code == 403
    assert stats.get(f"/submissions/{theirs.id}/edit/").status_code == 403
    assert commerce.post("/review/999999/approve/").status_code == 403
    assert office.post("/review/999999/approve/").status_code == 404
    assert office.get("/review/1/approve/").status_code == 405
    assert stats.post("/submissions/new/999999/", {"value": "1"}).status_code == 404
    assert anonymous.post(f"/review/{theirs.id}/approve/").status_code == 302
    other = f"/submissions/new/{indicator('gdp_growth').id}/"
    assert (
        stats.post(other, {"period": "'; DROP", "value": "1e999", "status": "x"}).status_code == 400
    )
    assert Submission.objects.get(id=theirs.id).state == State.SUBMITTED


@pytest.mark.django_db
def test_looking_up_a_missing_submission_is_not_found():
    with pytest.raises(NotFound):
        value_reads.editable(actor=user("office"), submission_id=424242)


@pytest.mark.django_db
def test_the_edit_form_carries_the_version_and_a_stale_post_is_a_409(stats, office):
    draft = values.save_value_draft(
        actor=user("stats"), indicator_id=indicator("gdp_growth").id, entry=Entry("2025-Q3", 6.0)
    )
    read = value_reads.version_of(draft)
    path = f"/submissions/{draft.id}/edit/"
    assert f'name="version" value="{read}"' in stats.get(path).content.decode()
    form = {"period": "2025-Q3", "value": "6.2", "status": "actual", "version": str(read)}
    assert office.post(path, form).status_code == 302
    stale = stats.post(path, {**form, "value": "6.1"})
    assert stale.status_code == 409 and "已被他人修改" in stale.content.decode()
    assert Submission.objects.get(id=draft.id).value == 6.2
