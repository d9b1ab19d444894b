"""The monthly compliance page and its workbook."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.plan import pages
from planwatch.web.reminders import compliance


@reader
def compliance_page(request: HttpRequest) -> HttpResponse:
    scope = pages.scope(request.GET.get("region"), None, actor=request.user)
    found = compliance.months(actor=request.user, region_code=scope.region.code)
    if excel.wanted(request):
        return excel.response(_sheet(f"{scope.region.name} {_('Monthly compliance')}", found))
    chosen = next((m for m in found if m.month == request.GET.get("month")), None)
    shown = chosen or (found[0] if found else None)
    departments = sorted({r.department for m in found for r in m.rows})
    trend = [
        (d, [next((r for r in m.rows if r.department == d), None) for m in reversed(found)])
        for d in departments
    ]
    context = {
        "scope": scope,
        "all_years": True,
        "months": found,
        "shown": shown,
        "trend": trend,
        "sentence": compliance.sentence(shown) if shown else "",
    }
    return render(request, "reminders/compliance.html", context)


def _sheet(title: str, found: list[compliance.Month]) -> excel.Sheet:
    headers = [
        _("Month due"),
        _("Department"),
        _("Owed"),
        _("On time"),
        _("Late"),
        _("Missing"),
        _("Not yet due"),
        _("On-time rate (%)"),
    ]
    rows = [
        (m.month, r.department, r.owed, r.on_time, r.late, r.missing, r.pending, r.on_time_rate)
        for m in found
        for r in [*m.rows, m.total]
    ]
    return excel.Sheet(title, headers, rows)
