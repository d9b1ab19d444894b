"""The findings of issue 10 about values, each reproduced: one current value per indicator,
period and status; plausibility; four eyes; forms that keep what was typed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import translation

from planwatch.core.observations import Period, Status
from planwatch.core.validation import ValidationFailed
from planwatch.reports.documents import annual_report
from planwatch.services import value_reads, values
from planwatch.services.values import Entry, Published
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.submissions.models import Submission
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def user(caller) -> User:
    return User.objects.get(username=caller.username)


def submitted(caller, value: float, period: str = "2025", note: str = "", code="gdp_growth"):
    entry = Entry(period, value, note=note)
    return values.submit_value(actor=user(caller), indicator_id=indicator(code).pk, entry=entry)


def current(code: str = "gdp_growth", period: str = "2025", status: str = "actual"):
    return ObservationRecord.objects.filter(
        indicator__code=code, period=period, status=status
    ).get()


# finding 2: a period held several current values, and the newest was silently lost


def test_a_second_submission_for_the_same_period_and_status_is_refused(bob):
    first = submitted(bob, 6.1)
    with pytest.raises(Conflict, match=f"#{first.id}"):
        submitted(bob, 6.2)


def test_an_approved_value_is_changed_only_by_a_correction_that_supersedes_it(alice, bob):
    values.approve_value(actor=user(alice), submission_id=submitted(bob, 6.1).id)
    with pytest.raises(Conflict, match="如需修改请提出更正"):
        submitted(bob, 6.2)
    old = current()
    fix = values.correct_value(
        actor=user(bob), observation_id=old.id, entry=Entry("2025", 6.3), reason="终审数"
    )
    values.approve_value(actor=user(alice), submission_id=fix.id)
    assert (current().value, current().origin) == (6.3, f"submission:{fix.id}")
    gone = ObservationRecord.history.filter(id=old.id).latest("history_id")
    assert (gone.history_type, gone.value, gone.history_user.username) == ("-", 6.1, "alice")
    assert gone.history_change_reason == f"由报送 #{fix.id} 更正:终审数"


def test_the_database_refuses_a_second_current_value_for_one_period_and_status():
    gdp = indicator("gdp_growth")
    fields = {"indicator": gdp, "period": "2030", "year": 2030, "status": "actual"}
    ObservationRecord.objects.create(**fields, value=1, source="a", origin="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ObservationRecord.objects.create(**fields, value=2, source="b", origin="b")


def test_an_estimate_and_an_actual_of_one_period_stand_side_by_side(alice, bob):
    estimate = Entry("2024", 6.4, status=Status.ESTIMATE)
    gdp = indicator("gdp_growth").pk
    assert current(period="2024", status="estimate").value == 6.5  # the published estimate
    values.approve_value(actor=user(alice), submission_id=submitted(bob, 6.6, "2024").id)
    assert current(period="2024", status="estimate").value == 6.5
    assert current(period="2024").value == 6.6
    with pytest.raises(ValidationFailed, match="已有实际值"):
        values.submit_value(actor=user(bob), indicator_id=gdp, entry=estimate)


def test_a_published_value_supersedes_the_current_one_and_publishing_it_again_changes_nothing():
    gdp = indicator("gdp_growth")
    report = Published(Period(2024), Status.ESTIMATE, 6.4, "年报:L33")
    first = values.publish_value(actor=None, indicator=gdp, value=report, origin="document:1")
    again = values.publish_value(actor=None, indicator=gdp, value=report, origin="document:1")
    assert first.pk == again.pk and current(period="2024", status="estimate").value == 6.4
    replaced = ObservationRecord.history.filter(history_type="-").get()
    assert (replaced.origin, replaced.history_change_reason) == (
        "dataset:fuling",
        "由document:1取代",
    )


# finding 5: no upper bounds, and the reviewer saw no context


def test_a_value_too_large_to_be_true_is_refused(bob):
    with pytest.raises(ValidationFailed, match="数值过大"):
        submitted(bob, 1e30)


def test_an_unusual_value_needs_a_remark_and_the_review_queue_flags_it(alice, carol):
    with pytest.raises(ValidationFailed, match="请在说明中写明原因") as refused:
        submitted(carol, 500, code="retail_growth")
    assert refused.value.field == "note"
    flagged = submitted(carol, 500, note="统计口径调整", code="retail_growth")
    item = next(i for i in value_reads.queue(actor=user(alice)) if i.submission.id == flagged.id)
    assert item.previous is not None and str(item.previous.period) == "2024"
    assert item.change == pytest.approx(500 - item.previous.value)
    assert item.target is not None and item.target.year == 2025
    assert [f.code for f in item.flags] == ["far_above_target"]


def test_the_review_queue_api_shows_previous_value_target_change_and_flags(alice, carol):
    submitted(carol, 500, note="统计口径调整", code="retail_growth")
    item = alice.get("/api/submissions/queue").json()["items"][0]
    assert item["previous_period"] == "2024" and item["change"] is not None
    assert item["target"] and [f["code"] for f in item["flags"]] == ["far_above_target"]


def test_a_value_stored_before_the_bounds_still_renders_in_every_report_format():
    gdp = indicator("gdp_growth")
    ObservationRecord.objects.filter(indicator=gdp, period="2024").update(value=1e30)
    for fmt in ("md", "html"):
        assert annual_report("fuling", 2024, fmt)  # type: ignore[arg-type]


@pytest.mark.parametrize("period", ["0", "1", "9999-12", "2024-13"])
def test_a_period_outside_the_plans_years_is_refused_with_one_message(bob, period):
    with pytest.raises(ValidationFailed, match="报告期应为") as refused:
        submitted(bob, 6.1, period)
    assert refused.value.field == "period"


# finding 6: the plan office approved its own submission


def test_the_plan_office_cannot_approve_its_own_submission(alice, deputy):
    own = submitted(alice, 6.1)
    with pytest.raises(Forbidden, match="四眼"):
        values.approve_value(actor=user(alice), submission_id=own.id)
    assert values.approve_value(actor=user(deputy), submission_id=own.id).state == "approved"


def test_a_one_person_office_may_approve_its_own_submission(alice, settings):
    settings.ONE_PERSON_OFFICE = True
    own = submitted(alice, 6.1)
    assert values.approve_value(actor=user(alice), submission_id=own.id).state == "approved"


def test_the_four_eyes_refusal_speaks_english_too(alice):
    own = submitted(alice, 6.1)
    with translation.override("en"), pytest.raises(Forbidden) as refused:
        values.approve_value(actor=user(alice), submission_id=own.id)
    assert refused.value.message == (
        "You submitted this value yourself: another person must approve it."
    )


# finding 7: a refusal replaced the form with an error page and lost the input


def test_the_entry_form_keeps_the_typed_input_and_shows_the_refusal_beside_the_field(bob):
    client = Client()
    client.force_login(User.objects.get(username="bob"))
    form = {"period": "2025", "value": "1500", "status": "actual", "note": "快报", "submit": 1}
    response = client.post(f"/submissions/new/{indicator('gdp_growth').pk}/", form)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="1500"' in html and "快报" in html
    assert 'id="id_value_error"' in html and "不能大于 1000%" in html


def test_the_correction_form_keeps_the_input_and_shows_the_missing_reason_beside_it(alice, bob):
    values.approve_value(actor=user(alice), submission_id=submitted(bob, 6.1).id)
    original = Submission.objects.get()
    client = Client()
    client.force_login(User.objects.get(username="bob"))
    form = {"value": "6.3", "note": "终审", "reason": ""}
    response = client.post(f"/submissions/{original.id}/correct/", form)
    html = response.content.decode()
    assert response.status_code == 400 and 'value="6.3"' in html and "终审" in html
    assert 'id="id_reason_error"' in html


def test_the_review_page_shows_a_refusal_beside_the_item_and_keeps_the_typed_reason(alice):
    own = submitted(alice, 6.1)
    client = Client()
    client.force_login(User.objects.get(username="alice"))
    response = client.post(f"/review/{own.id}/approve/")
    html = response.content.decode()
    assert response.status_code == 403 and f'id="refusal-{own.id}"' in html and "四眼" in html


def test_the_plan_office_sets_an_indicators_soft_factors_as_data(alice, carol):
    path = f"/api/indicators/{indicator('retail_growth').pk}/rules"
    assert alice.get(path).json()["target_factor"] == 10
    assert alice.put(path, {"target_factor": 100}).json()["target_factor"] == 100
    assert submitted(carol, 500, code="retail_growth").state == "submitted"  # 500 < 100 x 6
