"""Project, key-task and problem pages; rules live in the projects services and the core."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.core.observations import Period
from planwatch.services import problems as problem_service
from planwatch.services import projects, regions
from planwatch.services.project_entry import Upload
from planwatch.services.projects import ProgressRefused
from planwatch.web import excel, fragments
from planwatch.web.access import reader
from planwatch.web.accounts.roles import can_write_for, department_of, role_of
from planwatch.web.plan.models import Region
from planwatch.web.projects import (
    board,
    detail_pages,
    evidence,
    listing,
    pages,
    standings,
    tables,
)
from planwatch.web.projects.forms import ProgressForm


def _region(request: HttpRequest) -> Region:
    """The region of ``?region=`` (default: the user's district, else the first by code)."""
    return regions.region(request.GET.get("region"), actor=request.user)


def _period(request: HttpRequest, region: Region) -> Period:
    return pages.project_period(request.GET.get("year"), request.GET.get("as_of"), region)


@reader
def project_list(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    kept = listing.ProjectFilter.from_query(request.GET)
    period = _period(request, region)
    if excel.wanted(request):
        page = listing.project_list(region, period, kept)
        return excel.response(tables.project_sheet(_("Projects"), page))
    context: dict[str, object] = {"kept": kept, "region": region}
    shown = (region.pk, str(period), sorted(request.GET.lists()))
    context["body"] = fragments.rendered(
        "projects", shown, lambda: _list_body(request, period, context)
    )
    return render(request, "projects/list.html", context)


def _list_body(request: HttpRequest, period: Period, context: dict[str, object]) -> str:
    """The list below the menu; what it read stays in ``context`` (tests)."""
    region, kept = context["region"], context["kept"]
    context["page"] = listing.project_list(region, period, kept)  # type: ignore[arg-type]
    return render_to_string("projects/_list_body.html", context, request)


@reader
def rankings(request: HttpRequest) -> HttpResponse:
    """Towns and departments ranked on projects and on reporting; ``?table=`` picks the export."""
    region = _region(request)
    found = standings.standings(
        actor=request.user,
        region=region,
        period=_period(request, region),
        today=timezone.localdate(),
    )
    if excel.wanted(request):
        table = request.GET.get("table", "")
        return excel.response(standings.sheet(found, table if table in standings.TABLES else ""))
    return render(request, "projects/rankings.html", {"found": found})


@reader
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One project: its body (facts, reports, problems, history) kept per project, month, day
    and data version; whether the user may report stays outside."""
    record = projects.project_record(code, request.GET.get("region"), actor=request.user)
    region, today = record.region, timezone.localdate()
    period = _period(request, region)
    if excel.wanted(request):
        page = pages.project_page(code, period, region)
        return excel.response(tables.report_sheet(f"{code} {_('Monthly reports')}", page))

    def read() -> dict[str, object]:
        page = pages.project_page(code, period, region)
        history = detail_pages.project_history(code, region)
        return {"page": page, "chart": tables.progress_chart(page), "history": history}

    context: dict[str, object] = {"project": record, "region": region, "today": today}
    context["may_report"] = projects.may_report(request.user, record)
    shown = (record.pk, str(period), today)
    context["body"] = fragments.page_body(
        request, "project", shown, "projects/_detail_body.html", context, read
    )
    return render(request, "projects/detail.html", context)


@reader
def progress_entry(request: HttpRequest, code: str) -> HttpResponse:
    """A department's monthly report of one of its projects; errors beside their fields."""
    record = projects.record_for_entry(request.user, code, request.GET.get("region"))
    project, region = record.to_domain(), record.region
    reports = pages.project_reports(project, region)
    form = ProgressForm(project, reports, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = projects.report_project_progress(
                actor=request.user, code=code, entry=form.entry(), region=region.code
            )
        except ProgressRefused as refused:
            form.refused(refused.problems)
        else:
            messages.success(request, _("Progress of %(month)s saved.") % {"month": done.period})
            detail = reverse("projects:detail", args=[code])
            return redirect(f"{detail}?region={region.code}")
    context = {"form": form, "project": project, "reports": reports, "region": region}
    return render(request, "projects/progress.html", context, status=400 if form.errors else 200)


@reader
def task_detail(request: HttpRequest, code: str) -> HttpResponse:
    today = timezone.localdate()
    page = detail_pages.task_page(code, request.GET.get("year"), today, actor=request.user)
    if excel.wanted(request):
        return excel.response(
            tables.sub_target_sheet(f"{page.task.ordinal}{page.task.title}", page)
        )
    context = {"page": page, "today": timezone.localdate()}
    context["may_report"] = can_write_for(request.user, page.task.lead)
    return render(request, "projects/task.html", context)


@reader
def evidence_download(request: HttpRequest, code: str, period: str, name: str) -> HttpResponse:
    """An evidence file of a monthly report, for government users only."""
    region = regions.region(request.GET.get("region"), actor=request.user)
    file, kind = evidence.open_listed(
        actor=request.user, code=code, period=period, name=name, region=region
    )
    served = FileResponse(file, as_attachment=True, filename=name, content_type=kind)
    served["X-Content-Type-Options"] = "nosniff"
    return served


@reader
def task_tree(request: HttpRequest) -> HttpResponse:
    """The year's tree, judged once per (region, query, day, data version): milestones are
    judged at today's date."""
    region, today = _region(request), timezone.localdate()
    year = request.GET.get("year")
    if excel.wanted(request):
        _period, areas = pages.task_tree(year, today, region)
        return excel.response(tables.task_sheet(_("Key tasks"), areas))

    def read() -> dict[str, object]:
        period, areas = pages.task_tree(year, today, region)
        return {"period": period, "areas": areas}

    context: dict[str, object] = {}
    context["body"] = fragments.page_body(
        request, "tasks", (region.pk, today), "projects/_tasks_body.html", context, read
    )
    return render(request, "projects/tasks.html", context)


@reader
def problem_board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    state, overdue = request.GET.get("state", ""), request.GET.get("overdue") == "1"
    region = _region(request)
    if excel.wanted(request):
        columns = pages.board(today, region, state=state, overdue=overdue)
        return excel.response(tables.problem_sheet(_("Problem list"), columns, today))

    def read() -> dict[str, object]:
        columns = pages.board(today, region, state=state, overdue=overdue)
        return {"columns": columns, "shown": sum(len(column) for _state, column in columns)}

    filtered = {"state": state, "overdue": overdue}
    context: dict[str, object] = {"today": today, "filtered": filtered, "region": region}
    acting = (role_of(request.user).value, department_of(request.user))  # the steps offered
    context["body"] = fragments.page_body(
        request,
        "problems",
        (region.pk, today, acting),
        "projects/_problems_body.html",
        context,
        read,
    )
    return render(request, "projects/problems.html", context)


@reader
def problem_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One problem of ``?region=`` (codes are unique within a region; default: the only one
    of that code, else the user's district's)."""
    asked = request.GET.get("region")
    page = detail_pages.problem_page(code, timezone.localdate(), asked, actor=request.user)
    if excel.wanted(request):
        return excel.response(tables.event_sheet(f"{code} {_('History')}", page.problem))
    files = evidence.problem_files(page.region.code, code)
    context = {"page": page, "today": timezone.localdate(), "files": files}
    return render(request, "projects/problem.html", context)


@reader
def problem_evidence(request: HttpRequest, code: str, name: str) -> HttpResponse:
    """An evidence file of a problem's rectification, for government users only."""
    found = problem_service.problem_record(code, request.GET.get("region"), actor=request.user)
    file, kind = evidence.open_problem_file(actor=request.user, problem=found, name=name)
    served = FileResponse(file, as_attachment=True, filename=name, content_type=kind)
    served["X-Content-Type-Options"] = "nosniff"
    return served


@require_POST
@reader
def problem_step(request: HttpRequest, code: str, action: str) -> HttpResponse:
    files = tuple(Upload(f.name, f.read()) for f in request.FILES.getlist("files"))
    note, asked = request.POST.get("note", ""), request.GET.get("region")
    done = board.take(
        actor=request.user, code=code, action=action, note=note, uploads=files, region=asked
    )
    messages.success(request, f"{done.code}: {done.state.label_zh}")
    back = "problem" if request.POST.get("back") == "problem" else "problems"
    address = reverse(f"projects:{back}", args=[done.code] if back == "problem" else [])
    return redirect(f"{address}?region={asked}" if asked else address)
