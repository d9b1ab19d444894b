"""What the value surfaces read: the review queue with its context, recent submissions.

The review queue shows the reviewer, for every pending value, the value it
would supersede or follow (the previous one of its granularity), the year's
target, the change and any plausibility flag, so that a jump is visible
before it is approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from planwatch.core.errors import NotFound
from planwatch.core.observations import Period, Status
from planwatch.core.plausibility import Earlier, previous
from planwatch.core.validation import Finding, Severity
from planwatch.services.value_checks import Entry, earlier_values, findings
from planwatch.web.accounts.roles import (
    can_read,
    can_review,
    can_write_for,
    regions_of,
    require,
)
from planwatch.web.editing import history
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.submissions.models import State, Submission


@dataclass(frozen=True)
class ReviewItem:
    """A pending submission and what the reviewer needs to judge it."""

    submission: Submission
    previous: Earlier | None
    target: TargetRecord | None
    flags: list[Finding]

    @property
    def change(self) -> float | None:
        """The change from the previous value (for a correction: from the value corrected)."""
        return None if self.previous is None else self.submission.value - self.previous.value


def queue(*, actor: Any) -> list[ReviewItem]:
    """Submissions waiting for review, oldest first, each with its context."""
    return [review_item(s) for s in pending(actor=actor)]


def pending(*, actor: Any) -> QuerySet[Submission]:
    """Submissions waiting for review, oldest first (a page of them: :func:`review_item`)."""
    require(can_review(actor), "只有发展改革委可以审核报送。")
    found = history.with_versions(Submission.objects.filter(state=State.SUBMITTED))
    seen = regions_of(actor)
    if seen is not None:
        found = found.filter(indicator__region_id__in=seen)
    return found.select_related("indicator", "author", "corrects").order_by("updated_at", "id")


def review_item(submission: Submission) -> ReviewItem:
    indicator, status = submission.indicator, Status(submission.status)
    period = Period.parse(submission.period)
    earlier = earlier_values(indicator, status)
    before = previous(period, earlier)
    if submission.is_correction:
        same = next((e for e in earlier if e.period == period), None)
        before = same or before
    target = TargetRecord.objects.filter(indicator=indicator, year=submission.year).first()
    entry = Entry(submission.period, submission.value, status, submission.note)
    found = findings(indicator, entry, needs_target=False)
    flags = [f for f in found if f.severity is Severity.WARNING]
    return ReviewItem(submission, before, target, flags)


def recent(*, actor: Any, department: str | None = None) -> list[Submission]:
    """Submissions visible to the actor: its department's, or (plan office) everyone's; of
    the actor's regions only (another district's 区统计局 is another department)."""
    require(can_read(actor), "请先登录。")
    found = history.with_versions(Submission.objects.all())
    found = found.select_related("indicator", "author", "reviewer")
    if department is not None:
        found = found.filter(department=department)
    seen = regions_of(actor)
    if seen is not None:
        found = found.filter(indicator__region_id__in=seen)
    return list(found[:200])


def get(submission_id: int) -> Submission:
    try:
        return Submission.objects.select_related("indicator").get(id=submission_id)
    except Submission.DoesNotExist:
        raise NotFound(f"没有编号为 {submission_id} 的报送。") from None


def editable(*, actor: Any, submission_id: int) -> Submission:
    """A submission the actor may change (its own department's draft or returned one)."""
    submission = get(submission_id)
    allowed = can_write_for(actor, submission.department, submission.indicator.region_id)
    require(allowed, "不能修改其他部门的报送。")
    if not submission.editable:
        raise Conflict(f"该报送{submission.get_state_display()},不能修改。")
    return submission


def correctable(*, actor: Any, submission_id: int) -> Submission:
    """An approved submission whose value is current, which the actor's department may correct."""
    original = get(submission_id)
    allowed = can_write_for(actor, original.department, original.indicator.region_id)
    require(allowed, "不能更正其他部门的报送。")
    if original.state != State.APPROVED:
        raise Conflict(f"该报送{original.get_state_display()},只有已通过的数值需要更正。")
    if original.observation_id is None:
        raise Conflict("该数值已被更正或取代,请更正当前的数值。")
    return original


def indicator_for_entry(*, actor: Any, indicator_id: int) -> IndicatorRecord:
    """The indicator the actor is about to report on, if its department may."""
    try:
        indicator = IndicatorRecord.objects.select_related("region").get(id=indicator_id)
    except IndicatorRecord.DoesNotExist:
        raise NotFound(f"没有编号为 {indicator_id} 的指标。") from None
    allowed = can_write_for(actor, indicator.owner, indicator.region_id)
    require(allowed, f"只有{indicator.region.name}{indicator.owner}可以报送该指标。")
    return indicator


@dataclass(frozen=True)
class Reference:
    """What a clerk sees beside the entry form: the targets and the latest values."""

    targets: list[TargetRecord]
    latest: list[ObservationRecord]


def reference(indicator: IndicatorRecord) -> Reference:
    targets = list(TargetRecord.objects.filter(indicator=indicator).order_by("-year"))
    latest = ObservationRecord.objects.filter(indicator=indicator).order_by("-year", "-period")
    return Reference(targets, list(latest[:6]))


def writable_indicators(*, actor: Any, region_id: int) -> list[IndicatorRecord]:
    """The indicators of a region the actor may report on, in plan order."""
    records = IndicatorRecord.objects.filter(region_id=region_id).order_by("position")
    return [r for r in records if can_write_for(actor, r.owner)]


def version_of(submission: Submission) -> int:
    """The version a client reads with a submission and sends back with a change."""
    return history.version_of(submission)
