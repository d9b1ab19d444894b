"""Plan pages: dashboard, indicator table and page, comparison, the published report.

Views parse the query, call ``pages`` / ``services`` and render; domain errors
become HTTP statuses in ``planwatch.web.errors``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.web import excel
from planwatch.web.access import reader
from planwatch.web.plan import charts, indicator_pages, pages, tables
from planwatch.web.plan.services import evaluate_year


def _scope(request: HttpRequest) -> pages.Scope:
    return pages.scope(request.GET.get("region"), request.GET.get("year"))


@reader
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    page = pages.dashboard(scope.region, scope.year)
    sparks = [charts.sparkline(card.series) for card in page.cards]
    context = {"scope": scope, "page": page, "cards": list(zip(page.cards, sparks, strict=True))}
    return render(request, "plan/dashboard.html", context)


@reader
def indicator_list(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    result = evaluate_year(scope.region.code, scope.year)
    table = tables.TableFilter.from_query(request.GET)
    rows = table.apply(result.evaluations)
    if request.GET.get("format") == "xlsx":
        title = _("%(region)s %(year)s plan indicators") % {"region": scope.region.name, "year": scope.year}
        return excel.response(title, title, tables.headers(), [tables.row(i, e) for i, e in enumerate(rows, 1)])
    owners = sorted({e.indicator.owner for e in result.evaluations if e.indicator.owner})
    context = {"scope": scope, "result": result, "rows": rows, "table": table, "owners": owners}
    context["verdicts"] = pages.VERDICT_ORDER
    return render(request, "plan/indicators.html", context)


@reader
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    scope = _scope(request)
    page = indicator_pages.indicator_page(scope.region, scope.year, code)
    return render(request, "plan/indicator.html", {"scope": scope, "page": page})


@reader
def compare(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    page = indicator_pages.comparison(scope.region, request.GET.get("indicator"))
    if request.GET.get("format") == "xlsx":
        title = _("%(name)s across years and regions") % {"name": page.record.name}
        return excel.response(title, title, tables.comparison_headers(), tables.comparison_rows(page.rows))
    return render(request, "plan/compare.html", {"scope": scope, "page": page})


def report(request: HttpRequest) -> HttpResponse:
    """The published evaluation of a plan year: open to everyone, signed in or not."""
    scope = _scope(request)
    result = evaluate_year(scope.region.code, scope.year)
    rows = tables.TableFilter().apply(result.evaluations)
    return render(request, "plan/report.html", {"scope": scope, "result": result, "rows": rows})
