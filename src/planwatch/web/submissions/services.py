"""Use cases of department submissions: enter, submit, approve, return.

Each function is one transaction, takes the acting user as keyword-only
``actor`` and checks its permission before anything else. Views, the API and
the CLI call these; nothing else writes a submission.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.indicators import Kind
from planwatch.core.observations import Period, Status
from planwatch.web.accounts.roles import can_read, can_review, can_write_for, require
from planwatch.web.editing import history, observations
from planwatch.web.editing.history import InvalidField
from planwatch.web.errors import Conflict
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, TargetRecord
from planwatch.web.submissions import periods
from planwatch.web.submissions.models import State, Submission


@dataclass(frozen=True)
class Entry:
    """What a clerk types: the period, the value, actual or estimate, and a note."""

    period: str
    value: float
    status: Status = Status.ACTUAL
    note: str = ""


def entry_problems(indicator: IndicatorRecord, entry: Entry) -> dict[str, str]:
    """Every reason ``entry`` cannot be stored for ``indicator``, by field name.

    Forms show these next to their fields; the services refuse the same entries.
    """
    problems: dict[str, str] = {}
    try:
        period = Period.parse(entry.period)
    except InvalidValue:
        problems["period"] = "报告期格式应为 2025、2025-Q3 或 2025-07。"
    else:
        if not TargetRecord.objects.filter(indicator=indicator, year=period.year).exists():
            problems["period"] = f"{period.year}年没有该指标的计划目标,不能报送。"
    if not math.isfinite(entry.value):
        problems["value"] = "请输入一个数值。"
    elif Kind(indicator.kind) is Kind.SHARE and not 0 <= entry.value <= 100:
        problems["value"] = "占比类指标的数值应在 0 到 100 之间(单位 %)。"
    elif Kind(indicator.kind) is Kind.COUNT and entry.value < 0:
        problems["value"] = "数量类指标不能为负数。"
    if len(entry.note) > 2000:
        problems["note"] = "说明不超过 2000 字。"
    return problems


@transaction.atomic
def save(
    *,
    actor: Any,
    indicator_id: int,
    entry: Entry,
    submission_id: int | None = None,
    version: int | None = None,
    submit: bool = False,
) -> Submission:
    """Save a draft (or a returned submission) and, with ``submit``, send it for review.

    Only the indicator's department (or the plan office) may write; an
    approved or pending submission cannot be changed. A change of an existing
    submission sends the ``version`` it read (:func:`version_of`) and is
    refused as a :class:`Conflict` if someone saved it in between.
    """
    indicator = _indicator(indicator_id)
    require(can_write_for(actor, indicator.owner), f"只有{indicator.owner}可以报送该指标。")
    problems = entry_problems(indicator, entry)
    if problems:
        raise InvalidValue(" ".join(problems.values()))
    check_rules(indicator.id, entry)
    if submission_id is None:
        submission = Submission(indicator=indicator, department=indicator.owner, author=actor)
    else:
        submission = locked(submission_id)
        at_version(submission, version)
        if submission.indicator_id != indicator.id:
            raise InvalidValue("报送记录与指标不符。")
        if not submission.editable:
            raise Conflict(f"该报送{submission.get_state_display()},不能修改。")
        if submission.corrects_id is not None and (
            str(Period.parse(entry.period)),
            entry.status.value,
        ) != (submission.period, submission.status):
            raise InvalidValue("更正不能改变报告期和实际/预计。")
    if submission.corrects_id is None:  # corrections are accepted in closed periods
        periods.refuse_if_closed(indicator, str(Period.parse(entry.period)))
    submission.period = str(Period.parse(entry.period))
    submission.year = Period.parse(entry.period).year
    submission.value = entry.value
    submission.status = entry.status.value
    submission.note = entry.note.strip()
    submission.author = actor
    submission.state = State.SUBMITTED if submit else State.DRAFT
    submission.save()
    return submission


@transaction.atomic
def approve(*, actor: Any, submission_id: int, version: int | None = None) -> Submission:
    """Accept a pending submission: its value becomes an observation (``submission:<id>``).

    With ``version``, refused if the submission changed since the reviewer read it.
    """
    require(can_review(actor), "只有发展改革委可以审核报送。")
    submission = _pending(submission_id, version)
    if submission.corrects_id is not None:
        from planwatch.web.submissions.corrections import supersede  # it builds on this module

        supersede(submission, actor)
    period = Period.parse(submission.period)
    submission.observation = ObservationRecord.objects.create(
        indicator=submission.indicator,
        period=submission.period,
        year=submission.year,
        value=submission.value,
        status=submission.status,
        cumulative=not period.is_year,
        source=f"{submission.department}报送",
        note=submission.note,
        origin=f"submission:{submission.id}",
    )
    return _reviewed(submission, actor, State.APPROVED, "")


@transaction.atomic
def send_back(
    *, actor: Any, submission_id: int, reason: str, version: int | None = None
) -> Submission:
    """Return a pending submission to its department with the reason, for correction."""
    require(can_review(actor), "只有发展改革委可以审核报送。")
    if not reason.strip():
        raise InvalidValue("退回时请写明原因。")
    return _reviewed(_pending(submission_id, version), actor, State.RETURNED, reason.strip())


def editable(*, actor: Any, submission_id: int) -> Submission:
    """A submission the actor may change (its own department's draft or returned one)."""
    submission = get(submission_id)
    require(can_write_for(actor, submission.department), "不能修改其他部门的报送。")
    if not submission.editable:
        raise Conflict(f"该报送{submission.get_state_display()},不能修改。")
    return submission


def indicator_for_entry(*, actor: Any, indicator_id: int) -> IndicatorRecord:
    """The indicator the actor is about to report on, if its department may."""
    indicator = _indicator(indicator_id)
    require(can_write_for(actor, indicator.owner), f"只有{indicator.owner}可以报送该指标。")
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


def recent(*, actor: Any, department: str | None = None) -> list[Submission]:
    """Submissions visible to the actor: its department's, or (plan office) everyone's."""
    require(can_read(actor), "请先登录。")
    found = history.with_versions(Submission.objects.all())
    found = found.select_related("indicator", "author", "reviewer")
    if department is not None:
        found = found.filter(department=department)
    return list(found[:200])


def queue(*, actor: Any) -> list[Submission]:
    """Submissions waiting for review, oldest first."""
    require(can_review(actor), "只有发展改革委可以审核报送。")
    pending = history.with_versions(Submission.objects.filter(state=State.SUBMITTED))
    pending = pending.select_related("indicator", "author", "corrects")
    return list(pending.order_by("updated_at", "id"))


def _indicator(indicator_id: int) -> IndicatorRecord:
    try:
        return IndicatorRecord.objects.get(id=indicator_id)
    except IndicatorRecord.DoesNotExist:
        raise NotFound(f"没有编号为 {indicator_id} 的指标。") from None


def get(submission_id: int) -> Submission:
    try:
        return Submission.objects.select_related("indicator").get(id=submission_id)
    except Submission.DoesNotExist:
        raise NotFound(f"没有编号为 {submission_id} 的报送。") from None


def locked(submission_id: int) -> Submission:
    try:
        return Submission.objects.select_for_update().get(id=submission_id)
    except Submission.DoesNotExist:
        raise NotFound(f"没有编号为 {submission_id} 的报送。") from None


def version_of(submission: Submission) -> int:
    """The version a client reads with a submission and sends back with a change."""
    return history.version_of(submission)


def at_version(submission: Submission, version: int | None) -> None:
    """Refuse a change unless ``submission`` is still at the ``version`` the actor read.

    The check is :func:`planwatch.web.editing.history.at_version`, the one the
    observations and targets use; only the message is the department's.
    """
    if version is None:
        raise InvalidField("version", "修改报送时请提供读取时的版本号(version)。")
    try:
        history.at_version(submission, version)
    except Conflict:
        raise Conflict(
            f"该报送在你读取之后已被他人修改(你的版本 {version},现在 {version_of(submission)}),"
            "请重新打开后再修改。"
        ) from None


def _pending(submission_id: int, version: int | None = None) -> Submission:
    submission = locked(submission_id)
    if version is not None:
        at_version(submission, version)
    if submission.state != State.SUBMITTED:
        raise Conflict(f"该报送{submission.get_state_display()},不在待审核状态。")
    return submission


def _reviewed(submission: Submission, actor: Any, state: State, comment: str) -> Submission:
    submission.state = state
    submission.reviewer = actor
    submission.reviewed_at = timezone.now()
    submission.review_comment = comment
    submission.save()
    return submission


def check_rules(indicator_id: int, entry: Entry) -> None:
    """The indicator's validation rules, the same for pages, workbooks and the API."""
    cumulative = not Period.parse(entry.period).is_year
    rules_entry = observations.Entry(
        entry.period, entry.value, entry.status, cumulative, note=entry.note
    )
    observations.check_entry(indicator_id, rules_entry)
