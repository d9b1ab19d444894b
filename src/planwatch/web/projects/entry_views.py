"""Report a problem (plan office) and a key task's quarterly progress (its lead department).

Each view parses the form and calls the one service the API and the CLI call
too; a refusal comes back beside its field with the typed input kept (400).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.core.errors import InvalidValue
from planwatch.services import problems, regions, tasks
from planwatch.web.access import reader
from planwatch.web.accounts.roles import can_review, can_write_for, require
from planwatch.web.errors import Conflict
from planwatch.web.projects.detail_pages import task_page
from planwatch.web.projects.entry_forms import ProblemForm, TaskProgressForm, refused
from planwatch.web.projects.models import TaskRecord


@reader
def new_problem(request: HttpRequest) -> HttpResponse:
    require(can_review(request.user), _("Only the plan office reports problems."))
    form = ProblemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new, asked = form.problem(), request.GET.get("region")
            region = (
                regions.region(asked, actor=request.user)
                if asked
                else problems.linked_region(new, request.user)
            )
            done = problems.report_problem(new, actor=request.user, region=region)
        except (InvalidValue, Conflict) as refusal:
            refused(form, refusal)
        else:
            messages.success(request, _("Problem %(code)s reported.") % {"code": done.code})
            address = reverse("projects:problem", args=[done.code])
            return redirect(f"{address}?region={region.code}")
    status = 400 if form.errors else 200
    return render(request, "projects/problem_new.html", {"form": form}, status=status)


@reader
def task_progress(request: HttpRequest, code: str) -> HttpResponse:
    page = task_page(code, request.GET.get("year"), timezone.localdate())
    task = TaskRecord.objects.get(code=code, year=page.period.year)
    may = can_write_for(request.user, task.lead, task.region_id)
    named = {"lead": task.lead, "region": task.region.name}
    require(may, _("Only %(lead)s of %(region)s or the plan office report this task.") % named)
    form = TaskProgressForm(task, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tasks.report_subtarget_progress(
                form.report(), actor=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except InvalidValue as refusal:
            refused(form, refusal)
        else:
            messages.success(request, _("Quarterly progress saved."))
            return redirect(reverse("projects:task", args=[code]) + f"?year={task.year}")
    context = {"form": form, "page": page}
    status = 400 if form.errors else 200
    return render(request, "projects/task_progress.html", context, status=status)
