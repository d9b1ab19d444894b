"""The one write path of an indicator value: submission → review → approval.

Every surface (the entry and review pages, the API, the department workbook
on the web, the API and the CLI, the CLI's ``values`` commands, the demo
loader and document ingest) calls these functions and nothing below them:

* :func:`save_value_draft` / :func:`submit_value` — a department (or the plan
  office) enters a value; :func:`submit_value` sends it for review.
* :func:`approve_value` — the plan office accepts it: it becomes the current
  value of its indicator, period and status, superseding the one before
  (which stays in the history with who, when and why). Four eyes: the
  approver is not the submitter unless ``PLANWATCH_ONE_PERSON_OFFICE`` is on.
* :func:`return_value` — the plan office sends it back with a reason.
* :func:`correct_value` — a published value is changed only by a correction
  with a reason, reviewed like any submission (closed periods accept it).
* :func:`publish_value` — a value of a published source (the dataset, an
  ingested report) becomes current under the same one-current-value rule.

Each is one transaction, takes the acting user as keyword-only ``actor`` and
checks its permission first. Values are checked by :mod:`.value_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period, Status
from planwatch.services.value_checks import (
    Entry,
    checked,
    plausible,
    refuse_if_closed,
    value_period,
)
from planwatch.web.accounts.roles import can_review, can_write_for, require
from planwatch.web.editing import history
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord
from planwatch.web.submissions.models import State, Submission

__all__ = [
    "Entry",
    "Published",
    "approve_value",
    "correct_value",
    "publish_value",
    "return_value",
    "save_value_draft",
    "submit_value",
]

OPEN = (State.DRAFT, State.SUBMITTED, State.RETURNED)
REASON_LIMIT = 100  # the history's reason column


@transaction.atomic
def save_value_draft(
    *,
    actor: Any,
    indicator_id: int,
    entry: Entry,
    submission_id: int | None = None,
    version: int | None = None,
) -> Submission:
    """Keep a value as a draft of the indicator's department (a new one, or a change)."""
    return _save(actor, indicator_id, entry, submission_id, version, State.DRAFT)


@transaction.atomic
def submit_value(
    *,
    actor: Any,
    indicator_id: int,
    entry: Entry,
    submission_id: int | None = None,
    version: int | None = None,
) -> Submission:
    """Send a value for review: a new submission, or a draft or returned one at ``version``.

    Refused: another department's indicator; a value its checks refuse; a
    closed reporting period; a second open submission of the same indicator,
    period and status; a period whose submitted value is already approved
    (that one is corrected, :func:`correct_value`).
    """
    return _save(actor, indicator_id, entry, submission_id, version, State.SUBMITTED)


@transaction.atomic
def approve_value(*, actor: Any, submission_id: int, version: int | None = None) -> Submission:
    """Accept a pending submission: its value becomes current, the one before it history."""
    submission = _pending(submission_id, version, actor)
    if submission.author_id == actor.pk and not settings.ONE_PERSON_OFFICE:
        raise Forbidden(_("You submitted this value yourself: another person must approve it."))
    IndicatorRecord.objects.select_for_update().get(pk=submission.indicator_id)
    why = f"报送 #{submission.id} 由{actor.get_username()}审核通过"
    replaced = f"由报送 #{submission.id} 取代"
    if submission.is_correction:
        replaced = f"由报送 #{submission.id} 更正:{submission.reason}"
    submission.observation = _store(
        actor,
        submission.indicator,
        Published(
            period=Period.parse(submission.period),
            status=Status(submission.status),
            value=submission.value,
            source=f"{submission.department}报送",
            note=submission.note,
        ),
        origin=f"submission:{submission.id}",
        why=why,
        replaced=replaced,
    )
    return _reviewed(submission, actor, State.APPROVED, "")


@transaction.atomic
def return_value(
    *, actor: Any, submission_id: int, reason: str, version: int | None = None
) -> Submission:
    """Send a pending submission back to its department with the reason, for correction."""
    submission = _pending(submission_id, version, actor)
    if not reason.strip():
        raise InvalidField("reason", "退回时请写明原因。")
    return _reviewed(submission, actor, State.RETURNED, reason.strip())


@transaction.atomic
def correct_value(
    *, actor: Any, observation_id: int, entry: Entry, reason: str, version: int | None = None
) -> Submission:
    """File a correction of a published value (same period and status), with a reason, for review.

    The indicator's department or the plan office may; it is reviewed like any
    submission and, approved, supersedes the value. Closed periods accept it.
    With ``version``, refused if the value changed since the actor read it.
    """
    current = _current(observation_id)
    indicator = current.indicator
    require(can_write_for(actor, indicator.owner, indicator.region_id), "不能更正其他部门的数值。")
    if version is not None:
        history.at_version(current, version)
    if not reason.strip():
        raise InvalidField("reason", "更正时请写明原因。")
    if (entry.period.strip(), entry.status.value) != (current.period, current.status):
        raise InvalidField("period", "更正不能改变报告期和实际/预计,请另行报送。")
    _refuse_open(indicator, current.period, current.status, None)
    checked(indicator, entry, needs_target=False)
    origin = current.origin
    correction = Submission(
        indicator=indicator,
        department=indicator.owner,
        author=actor,
        corrects_id=_submission_id(origin),
        corrects_origin=origin,
        reason=reason.strip(),
        period=current.period,
        year=current.year,
        value=entry.value,
        status=current.status,
        note=entry.note.strip(),
        state=State.SUBMITTED,
    )
    return history.save(correction, actor=actor, reason=short(f"更正 {origin}:{reason.strip()}"))


@dataclass(frozen=True)
class Published:
    """A value as a published source states it (the dataset, a report's line)."""

    period: Period
    status: Status
    value: float
    source: str
    note: str = ""
    line: int | None = None
    quote: str = ""
    cumulative: bool | None = None  # None: year-to-date for a month or quarter, as submitted


@transaction.atomic
def publish_value(
    *, actor: Any, indicator: IndicatorRecord, value: Published, origin: str
) -> ObservationRecord:
    """Make a published source's value current, superseding another origin's.

    Publishing what is already current from the same origin changes nothing
    (loading a dataset twice); the same origin with another value replaces it
    with a history row. The period rule is every value's; of plausibility only
    the hard bounds apply (a published source is what it is, however unusual).
    """
    plausible(indicator, value_period(str(value.period), indicator), value.value)
    why = f"{origin} 发布"
    return _store(actor, indicator, value, origin=origin, why=why, replaced=f"由{origin}取代")


def _save(
    actor: Any,
    indicator_id: int,
    entry: Entry,
    submission_id: int | None,
    version: int | None,
    state: State,
) -> Submission:
    indicator = _indicator(indicator_id)
    if not can_write_for(actor, indicator.owner, indicator.region_id):
        raise Forbidden(f"只有{indicator.region.name}{indicator.owner}可以报送该指标。")
    submission = _editable(indicator, submission_id, version)
    period, _warnings = checked(indicator, entry, needs_target=not submission.is_correction)
    if submission.is_correction and (str(period), entry.status.value) != (
        submission.period,
        submission.status,
    ):
        raise InvalidField("period", "更正不能改变报告期和实际/预计,请另行报送。")
    if not submission.is_correction:
        refuse_if_closed(indicator, period)
        _refuse_open(indicator, str(period), entry.status.value, submission.pk)
        _refuse_approved(indicator, str(period), entry.status.value)
    submission.period, submission.year = str(period), period.year
    submission.value, submission.status = entry.value, entry.status.value
    submission.note, submission.author, submission.state = entry.note.strip(), actor, state
    why = "提交审核" if state is State.SUBMITTED else "保存草稿"
    return history.save(submission, actor=actor, reason=why)


def _editable(
    indicator: IndicatorRecord, submission_id: int | None, version: int | None
) -> Submission:
    if submission_id is None:
        return Submission(indicator=indicator, department=indicator.owner)
    submission = locked(submission_id)
    at_version(submission, version)
    if submission.indicator_id != indicator.id:
        raise InvalidValue("报送记录与指标不符。")
    if not submission.editable:
        raise Conflict(f"该报送{submission.get_state_display()},不能修改。")
    return submission


def _refuse_open(indicator: IndicatorRecord, period: str, status: str, own: int | None) -> None:
    """One open submission (draft, pending or returned) per indicator, period and status."""
    other = (
        Submission.objects.filter(indicator=indicator, period=period, status=status, state__in=OPEN)
        .exclude(pk=own)
        .first()
    )
    if other is not None and other.is_correction:
        raise _period_conflict(
            f"该数值已有一条更正({other.get_state_display()},#{other.id}),请先处理那一条。"
        )
    if other is not None:
        raise _period_conflict(
            f"{period}已有一条{other.get_state_display()}的报送(#{other.id}),请修改那一条。"
        )


def _refuse_approved(indicator: IndicatorRecord, period: str, status: str) -> None:
    current = ObservationRecord.objects.filter(indicator=indicator, period=period, status=status)
    origin = current.values_list("origin", flat=True).first() or ""
    if origin.startswith("submission:"):
        raise _period_conflict(
            f"{period}的数值已审核通过(报送 #{_submission_id(origin)}),如需修改请提出更正。"
        )


def _period_conflict(message: str) -> Conflict:
    conflict = Conflict(message)
    conflict.field = "period"  # type: ignore[attr-defined]
    return conflict


def _store(
    actor: Any,
    indicator: IndicatorRecord,
    value: Published,
    *,
    origin: str,
    why: str,
    replaced: str,
) -> ObservationRecord:
    """Make ``value`` the current one of its indicator, period and status; the old one
    moves to the history, ``replaced`` saying by what and why."""
    key = {"indicator": indicator, "period": str(value.period), "status": value.status.value}
    current = ObservationRecord.objects.select_for_update().filter(**key).first()
    fields = observation_fields(value)
    if current is not None and current.origin == origin and _holds(current, fields):
        return current
    if current is not None:
        history.delete(current, actor=actor, reason=short(replaced))
    record = ObservationRecord(**key, origin=origin, **fields)
    return history.save(record, actor=actor, reason=short(why))


def observation_fields(value: Published) -> dict[str, Any]:
    """The stored fields of a published value besides its key and origin."""
    return {
        "year": value.period.year,
        "value": value.value,
        "cumulative": (
            value.cumulative if value.cumulative is not None else not value.period.is_year
        ),
        "source": value.source,
        "note": value.note,
        "line": value.line,
        "quote": value.quote,
    }


def _holds(record: ObservationRecord, fields: dict[str, Any]) -> bool:
    return all(getattr(record, name) == given for name, given in fields.items())


def _reviewed(submission: Submission, actor: Any, state: State, comment: str) -> Submission:
    submission.state = state
    submission.reviewer = actor
    submission.reviewed_at = timezone.now()
    submission.review_comment = comment
    return history.save(submission, actor=actor, reason=short(comment or "审核通过"))


def _pending(submission_id: int, version: int | None, actor: Any) -> Submission:
    """The submission to review, locked, if ``actor`` reviews its region (``Forbidden``)."""
    require(can_review(actor), "只有发展改革委可以审核报送。")
    submission = locked(submission_id)
    require(can_review(actor, submission.indicator.region_id), "只能审核本地区的报送。")
    if version is not None:
        at_version(submission, version)
    if submission.state != State.SUBMITTED:
        raise Conflict(f"该报送{submission.get_state_display()},不在待审核状态。")
    return submission


def _indicator(indicator_id: int) -> IndicatorRecord:
    """The indicator, locked: its values are written one transaction at a time."""
    try:
        return IndicatorRecord.objects.select_for_update().get(id=indicator_id)
    except IndicatorRecord.DoesNotExist:
        raise NotFound(f"没有编号为 {indicator_id} 的指标。") from None


def _current(observation_id: int) -> ObservationRecord:
    try:
        found = ObservationRecord.objects.select_for_update().select_related("indicator")
        return found.get(id=observation_id)
    except ObservationRecord.DoesNotExist:
        raise NotFound(f"没有编号为 {observation_id} 的数值(可能已被更正取代)。") from None


def locked(submission_id: int) -> Submission:
    try:
        return Submission.objects.select_for_update().get(id=submission_id)
    except Submission.DoesNotExist:
        raise NotFound(f"没有编号为 {submission_id} 的报送。") from None


def at_version(submission: Submission, version: int | None) -> None:
    """Refuse a change unless ``submission`` is still at the ``version`` the actor read."""
    if version is None:
        raise InvalidField("version", "修改报送时请提供读取时的版本号(version)。")
    try:
        history.at_version(submission, version)
    except Conflict:
        now = history.version_of(submission)
        raise Conflict(
            f"该报送在你读取之后已被他人修改(你的版本 {version},现在 {now}),请重新打开后再修改。"
        ) from None


def _submission_id(origin: str) -> int | None:
    prefix, _sep, number = origin.partition(":")
    return int(number) if prefix == "submission" and number.isdigit() else None


def short(reason: str) -> str:
    """A history reason within its column; the full text stays on the submission."""
    return reason if len(reason) <= REASON_LIMIT else reason[: REASON_LIMIT - 1] + "…"
