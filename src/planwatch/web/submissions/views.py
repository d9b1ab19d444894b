"""Submission pages: a department's entry page and form, the plan office's review queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.accounts.roles import Role, department_of, role_of
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.plan.pages import scope
from planwatch.web.submissions import corrections, services
from planwatch.web.submissions.forms import CorrectionForm, EntryForm
from planwatch.web.submissions.models import Submission
from planwatch.web.submissions.tables import submission_sheet


@reader
def mine(request: HttpRequest) -> HttpResponse:
    region = scope(request.GET.get("region"), request.GET.get("year")).region
    everyone = role_of(request.user) is not Role.CLERK
    department = None if everyone else department_of(request.user)
    submissions = services.recent(actor=request.user, department=department)
    if excel.wanted(request):
        return excel.response(submission_sheet(_("Recent submissions"), submissions))
    context = {
        "indicators": services.writable_indicators(actor=request.user, region_id=region.id),
        "submissions": submissions,
    }
    return render(request, "submissions/mine.html", context)


@reader
def new(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = services.indicator_for_entry(actor=request.user, indicator_id=indicator_id)
    return _entry(request, indicator, None)


@reader
def edit(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = services.editable(actor=request.user, submission_id=submission_id)
    return _entry(request, submission.indicator, submission)


def _entry(
    request: HttpRequest, indicator: IndicatorRecord, submission: Submission | None
) -> HttpResponse:
    initial = {"period": request.GET["period"]} if "period" in request.GET else None
    if submission is not None:
        fields = ("period", "value", "status", "note")
        initial = {name: getattr(submission, name) for name in fields}
        initial["version"] = services.version_of(submission)
    correction = submission is not None and submission.corrects_id is not None
    form = EntryForm(indicator, request.POST or None, initial=initial, correction=correction)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        services.save(
            actor=request.user,
            indicator_id=indicator.id,
            entry=form.entry(),
            submission_id=submission.id if submission else None,
            version=form.cleaned_data.get("version"),
            submit=submit,
        )
        messages.success(request, _("Submitted for review.") if submit else _("Draft saved."))
        return redirect("submissions:mine")
    context = {"form": form, "indicator": indicator, "submission": submission}
    context["reference"] = services.reference(indicator)
    return render(request, "submissions/entry.html", context, status=400 if form.errors else 200)


@reader
def correct(request: HttpRequest, submission_id: int) -> HttpResponse:
    original = corrections.correctable(actor=request.user, submission_id=submission_id)
    initial = {name: getattr(original, name) for name in ("period", "value", "status", "note")}
    form = CorrectionForm(original.indicator, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        corrections.correct(
            actor=request.user, submission_id=original.id, entry=form.entry(), reason=reason
        )
        messages.success(request, _("Correction submitted for review."))
        return redirect("submissions:mine")
    context = {"form": form, "original": original, "indicator": original.indicator}
    return render(request, "submissions/correct.html", context, status=400 if form.errors else 200)


@reader
def review(request: HttpRequest) -> HttpResponse:
    queue = services.queue(actor=request.user)
    if excel.wanted(request):
        return excel.response(submission_sheet(_("Submissions waiting for review"), queue))
    return render(request, "submissions/review.html", {"queue": queue})


@require_POST
@reader
def approve(request: HttpRequest, submission_id: int) -> HttpResponse:
    done = services.approve(
        actor=request.user, submission_id=submission_id, version=_version(request)
    )
    messages.success(request, _("Approved: %(item)s") % {"item": done.indicator.name})
    return redirect("submissions:review")


@require_POST
@reader
def send_back(request: HttpRequest, submission_id: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    done = services.send_back(
        actor=request.user, submission_id=submission_id, reason=reason, version=_version(request)
    )
    messages.info(request, _("Returned: %(item)s") % {"item": done.indicator.name})
    return redirect("submissions:review")


def _version(request: HttpRequest) -> int | None:
    """The version the review queue showed (absent from hand-made posts: no check)."""
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() else None
