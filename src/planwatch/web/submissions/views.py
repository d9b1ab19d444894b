"""Submission pages: a department's entry page and form, the plan office's review queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.core.errors import InvalidValue
from planwatch.services import value_reads, values
from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.accounts.roles import Role, department_of, role_of
from planwatch.web.errors import Conflict, Forbidden
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.plan.pages import scope
from planwatch.web.reminders.owed import due_period
from planwatch.web.submissions.forms import CorrectionForm, EntryForm, show_refusal
from planwatch.web.submissions.models import Submission
from planwatch.web.submissions.tables import submission_sheet


@reader
def mine(request: HttpRequest) -> HttpResponse:
    region = scope(request.GET.get("region"), request.GET.get("year")).region
    everyone = role_of(request.user) is not Role.CLERK
    department = None if everyone else department_of(request.user)
    submissions = value_reads.recent(actor=request.user, department=department)
    if excel.wanted(request):
        return excel.response(submission_sheet(_("Recent submissions"), submissions))
    context = {
        "indicators": value_reads.writable_indicators(actor=request.user, region_id=region.id),
        "submissions": submissions,
    }
    return render(request, "submissions/mine.html", context)


@reader
def new(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = value_reads.indicator_for_entry(actor=request.user, indicator_id=indicator_id)
    return _entry(request, indicator, None)


@reader
def edit(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = value_reads.editable(actor=request.user, submission_id=submission_id)
    return _entry(request, submission.indicator, submission)


def _entry(
    request: HttpRequest, indicator: IndicatorRecord, submission: Submission | None
) -> HttpResponse:
    initial = None
    if submission is None:
        period = request.GET.get("period") or due_period(request.user, indicator)
        initial = {"period": period} if period else None
    else:
        fields = ("period", "value", "status", "note")
        initial = {name: getattr(submission, name) for name in fields}
        initial["version"] = value_reads.version_of(submission)
    correction = submission is not None and submission.is_correction
    form = EntryForm(indicator, request.POST or None, initial=initial, correction=correction)
    refused: Exception | None = None
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        operation = values.submit_value if submit else values.save_value_draft
        try:
            operation(
                actor=request.user,
                indicator_id=indicator.id,
                entry=form.entry(),
                submission_id=submission.id if submission else None,
                version=form.cleaned_data.get("version"),
            )
        except (InvalidValue, Conflict) as refusal:
            show_refusal(form, refusal)
            refused = refusal
        else:
            messages.success(request, _("Submitted for review.") if submit else _("Draft saved."))
            return redirect("submissions:mine")
    context = {"form": form, "indicator": indicator, "submission": submission}
    context["reference"] = value_reads.reference(indicator)
    return render(request, "submissions/entry.html", context, status=_status(form, refused))


@reader
def correct(request: HttpRequest, submission_id: int) -> HttpResponse:
    original = value_reads.correctable(actor=request.user, submission_id=submission_id)
    initial = {name: getattr(original, name) for name in ("period", "value", "status", "note")}
    form = CorrectionForm(original.indicator, request.POST or None, initial=initial)
    refused: Exception | None = None
    if request.method == "POST" and form.is_valid():
        try:
            values.correct_value(
                actor=request.user,
                observation_id=original.observation_id or 0,
                entry=form.entry(),
                reason=form.cleaned_data["reason"],
            )
        except (InvalidValue, Conflict) as refusal:
            show_refusal(form, refusal)
            refused = refusal
        else:
            messages.success(request, _("Correction submitted for review."))
            return redirect("submissions:mine")
    context = {"form": form, "original": original, "indicator": original.indicator}
    return render(request, "submissions/correct.html", context, status=_status(form, refused))


def _status(form: EntryForm, refused: Exception | None) -> int:
    """409 for a stale version; 400 for any refusal beside a field (a closed period too)."""
    if isinstance(refused, Conflict) and getattr(refused, "field", None) is None:
        return 409  # a stale version: the form as it was, to reload
    return 400 if form.errors else 200


@reader
def review(request: HttpRequest) -> HttpResponse:
    queue = value_reads.queue(actor=request.user)
    if excel.wanted(request):
        sheet = submission_sheet(_("Submissions waiting for review"), [i.submission for i in queue])
        return excel.response(sheet)
    return render(request, "submissions/review.html", {"queue": queue})


@require_POST
@reader
def approve(request: HttpRequest, submission_id: int) -> HttpResponse:
    try:
        done = values.approve_value(
            actor=request.user, submission_id=submission_id, version=_version(request)
        )
    except (InvalidValue, Conflict, Forbidden) as refusal:
        return _refused(request, submission_id, refusal)
    messages.success(request, _("Approved: %(item)s") % {"item": done.indicator.name})
    return redirect("submissions:review")


@require_POST
@reader
def send_back(request: HttpRequest, submission_id: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    try:
        done = values.return_value(
            actor=request.user,
            submission_id=submission_id,
            reason=reason,
            version=_version(request),
        )
    except (InvalidValue, Conflict, Forbidden) as refusal:
        return _refused(request, submission_id, refusal, reason=reason)
    messages.info(request, _("Returned: %(item)s") % {"item": done.indicator.name})
    return redirect("submissions:review")


def _refused(
    request: HttpRequest, submission_id: int, refusal: Exception, *, reason: str = ""
) -> HttpResponse:
    """The queue again, the refusal beside the item it concerns and the typed reason kept."""
    status = (
        403 if isinstance(refusal, Forbidden) else 409 if isinstance(refusal, Conflict) else 400
    )
    context = {
        "queue": value_reads.queue(actor=request.user),
        "refused": submission_id,
        "refusal": getattr(refusal, "message", str(refusal)),
        "typed_reason": reason,
    }
    return render(request, "submissions/review.html", context, status=status)


def _version(request: HttpRequest) -> int | None:
    """The version the review queue showed (absent from hand-made posts: no check)."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() else None
