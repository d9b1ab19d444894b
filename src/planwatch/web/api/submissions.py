"""Department submissions: enter and submit a value, approve or return it (the web's workflow)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, overload

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from planwatch.core.observations import Status
from planwatch.core.plausibility import Earlier
from planwatch.core.validation import Finding
from planwatch.services import value_reads, values
from planwatch.services.value_reads import ReviewItem
from planwatch.web.api.types import Flag, Id, Number, Page, Text, Version
from planwatch.web.submissions.models import State, Submission

router = Router(tags=["submissions"])


class SubmissionOut(Schema):
    id: int
    indicator: str = Field(alias="indicator.code")
    indicator_id: int
    period: str
    value: float
    status: Status
    note: str
    department: str
    state: State
    author: str = Field(alias="author.username")
    reviewer: str | None = Field(None, alias="reviewer.username")
    review_comment: str
    observation_id: int | None
    corrects_id: int | None = Field(None, description="the approved submission this corrects")
    corrects_origin: str = Field("", description="the origin of the value this corrects")
    reason: str = Field("", description="why the correction was needed")
    updated_at: datetime
    version: int = Field(description="send it back with a change; 409 if someone saved since")

    @staticmethod
    def resolve_version(submission: Any) -> int:
        return value_reads.version_of(submission)


class FlagOut(Schema):
    code: str
    message: str


class ReviewItemOut(SubmissionOut):
    """A pending submission with what the reviewer needs to judge it."""

    previous_period: str | None = Field(None, description="the previous value's period")
    previous_value: float | None = Field(None, description="the value before (or corrected)")
    change: float | None = Field(None, description="value - previous_value")
    target: str | None = Field(None, description="the year's target as the plan writes it")
    target_value: float | None = None
    flags: list[FlagOut] = Field(description="plausibility findings accepted with a remark")


class _Reviewed(Sequence[Any]):
    """The pending submissions; the context of each is read only for the page asked."""

    def __init__(self, pending: QuerySet[Submission]) -> None:
        self.pending = pending

    def __len__(self) -> int:
        return self.pending.count()

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [_review_out(value_reads.review_item(s)) for s in self.pending[index]]
        return _review_out(value_reads.review_item(self.pending[index]))


def _review_out(item: ReviewItem) -> Any:
    """The submission carrying its review context as the schema reads it."""
    before: Earlier | None = item.previous
    flags: list[Finding] = item.flags
    submission: Any = item.submission
    submission.previous_period = str(before.period) if before else None
    submission.previous_value = before.value if before else None
    submission.change = item.change
    submission.target = item.target.text if item.target else None
    submission.target_value = item.target.value if item.target else None
    submission.flags = [{"code": f.code, "message": f.message} for f in flags]
    return submission


class SubmissionIn(Schema):
    period: Text = Field(max_length=10, description="2025, 2025-Q3 or 2025-07")
    value: Number
    status: Status = Status.ACTUAL
    note: Text = Field("", max_length=2000)
    submit: Flag = Field(False, description="send for review now (else keep as a draft)")

    def entry(self) -> values.Entry:
        return values.Entry(self.period, self.value, self.status, self.note)


class SubmissionChange(SubmissionIn):
    version: Version


class CorrectionIn(Schema):
    value: Number
    note: Text = Field("", max_length=2000)
    reason: Text = Field(min_length=1, max_length=2000, description="why the value was wrong")


class Return(Schema):
    reason: Text = Field(min_length=1, max_length=2000)
    version: Version | None = Field(None, description="the version the reviewer read")


class SubmissionFilter(Schema):
    department: Text | None = Field(None, max_length=100)
    state: State | None = None


@router.get("/submissions", response=list[SubmissionOut])
@paginate(Page)
def list_submissions(request: HttpRequest, filters: Query[SubmissionFilter]) -> Any:
    """The 200 most recently changed submissions (of one department), filtered by state."""
    found = value_reads.recent(actor=request.user, department=filters.department)
    return [s for s in found if filters.state is None or s.state == filters.state]


@router.get("/submissions/queue", response=list[ReviewItemOut])
@paginate(Page)
def review_queue(request: HttpRequest) -> Any:
    """Every submission waiting for review, oldest first, with the previous value, the
    target, the change and any plausibility flag (plan office)."""
    return _Reviewed(value_reads.pending(actor=request.user))


@router.post("/indicators/{indicator_id}/submissions", response={201: SubmissionOut})
def submit(request: HttpRequest, indicator_id: Id, entry: SubmissionIn) -> Any:
    operation = values.submit_value if entry.submit else values.save_value_draft
    return 201, operation(actor=request.user, indicator_id=indicator_id, entry=entry.entry())


@router.put("/submissions/{submission_id}", response=SubmissionOut)
def change(request: HttpRequest, submission_id: Id, entry: SubmissionChange) -> Any:
    """Change a draft or returned submission at the version read (with ``submit``, send it)."""
    draft = value_reads.editable(actor=request.user, submission_id=submission_id)
    operation = values.submit_value if entry.submit else values.save_value_draft
    return operation(
        actor=request.user,
        indicator_id=draft.indicator_id,
        entry=entry.entry(),
        submission_id=submission_id,
        version=entry.version,
    )


@router.post("/submissions/{submission_id}/approve", response=SubmissionOut)
def approve(request: HttpRequest, submission_id: Id, version: Version | None = None) -> Any:
    """Approve a pending submission (``?version=``: only if unchanged since read); not one's
    own (four eyes)."""
    return values.approve_value(actor=request.user, submission_id=submission_id, version=version)


@router.post("/submissions/{submission_id}/return", response=SubmissionOut)
def send_back(request: HttpRequest, submission_id: Id, body: Return) -> Any:
    return values.return_value(
        actor=request.user, submission_id=submission_id, reason=body.reason, version=body.version
    )


@router.post("/submissions/{submission_id}/corrections", response={201: SubmissionOut})
def correct(request: HttpRequest, submission_id: Id, body: CorrectionIn) -> Any:
    """Correct an approved value: a new revision for review, same period and status."""
    original = value_reads.correctable(actor=request.user, submission_id=submission_id)
    entry = values.Entry(original.period, body.value, Status(original.status), body.note)
    return 201, values.correct_value(
        actor=request.user,
        observation_id=original.observation_id or 0,
        entry=entry,
        reason=body.reason,
    )
