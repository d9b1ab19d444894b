"""Project, key-task and problem pages; rules live in the projects services and the core."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.projects import board, pages, tables


@reader
def project_list(request: HttpRequest) -> HttpResponse:
    period = pages.project_period(request.GET.get("year"))
    kept = pages.ProjectFilter.from_query(request.GET)
    page = pages.project_list(period, kept)
    if excel.wanted(request):
        return excel.response(tables.project_sheet(_("Projects"), page))
    return render(request, "projects/list.html", {"page": page, "kept": kept})


@reader
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    period = pages.project_period(request.GET.get("year"))
    page = pages.project_page(code, period)
    chart = tables.progress_chart(page)
    return render(request, "projects/detail.html", {"page": page, "chart": chart})


@reader
def task_tree(request: HttpRequest) -> HttpResponse:
    period, areas = pages.task_tree(request.GET.get("year"), timezone.localdate())
    if excel.wanted(request):
        return excel.response(tables.task_sheet(_("Key tasks"), areas))
    return render(request, "projects/tasks.html", {"period": period, "areas": areas})


@reader
def problem_board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    columns = pages.board(today)
    if excel.wanted(request):
        return excel.response(tables.problem_sheet(_("Problem list"), columns, today))
    return render(request, "projects/problems.html", {"columns": columns, "today": today})


@require_POST
@reader
def problem_step(request: HttpRequest, code: str, action: str) -> HttpResponse:
    note, evidence = request.POST.get("note", ""), request.POST.get("evidence", "")
    done = board.take(actor=request.user, code=code, action=action, note=note, evidence=evidence)
    messages.success(request, f"{done.code}: {done.state.label_zh}")
    return redirect("projects:problems")
