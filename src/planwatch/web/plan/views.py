"""Plan pages: dashboard, indicator table and page, comparison, the published report.

Views parse the query, call ``pages`` / ``services`` and render; domain errors
become HTTP statuses in ``planwatch.web.errors``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.core.as_of import AsOf
from planwatch.core.observations import Period
from planwatch.reports.documents import annual_report
from planwatch.reports.render import CONTENT_TYPES, Format
from planwatch.services import changes, evaluation
from planwatch.web import excel, fragments, kept, published
from planwatch.web.access import reader
from planwatch.web.accounts import visits
from planwatch.web.downloads import attachment
from planwatch.web.plan import (
    charts,
    indicator_pages,
    nowcast_pages,
    pages,
    search,
    sources,
    tables,
)
from planwatch.web.projects import overview


def _scope(request: HttpRequest, *, current: bool = False) -> pages.Scope:
    query = request.GET
    return pages.scope(
        query.get("region"), query.get("year"), query.get("as_of"), request.user, current=current
    )


def _title(scope: pages.Scope, what: str) -> str:
    return f"{scope.region.name} {scope.year} {what}"


@reader
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = _scope(request, current=True)
    if excel.wanted(request):
        title = _title(scope, _("Lagging indicators"))
        return excel.response(tables.evaluation_sheet(title, pages.dashboard(scope).lagging))
    context: dict[str, object] = {"scope": scope}
    today = timezone.localdate()
    shown = (scope.region.pk, scope.year, str(scope.as_of), today)
    as_of = kept.kept(  # every login lands here: the default month is kept per data version
        "dashboard-as-of",
        (scope.region.pk, scope.year, str(scope.as_of)),
        lambda: evaluation.resolve_as_of(scope.region, scope.year, scope.as_of),
    )
    context["body"] = fragments.rendered(
        "dashboard", shown, lambda: _dashboard_body(request, scope, as_of, today, context)
    )
    context["changes_panel"] = _changes_panel(request, scope, as_of.period, context)
    return render(request, "plan/dashboard.html", context)


def _changes_panel(
    request: HttpRequest, scope: pages.Scope, as_of: Period, context: dict[str, object]
) -> str:
    """What changed, the values new since the reader's previous visit marked: kept per
    (scope, that visit, data version), as the reader sees it for the whole of a visit."""
    last_visit = visits.since_last_visit(request)

    def render_panel() -> str:
        context["changes"] = _changes(request, scope, as_of, last_visit=last_visit)
        return render_to_string("plan/_changes.html", context, request)

    shown = (scope.region.pk, scope.year, str(as_of), str(last_visit))
    return fragments.rendered("changes", shown, render_panel)


def _dashboard_body(
    request: HttpRequest,
    scope: pages.Scope,
    as_of: AsOf,
    today: date,
    context: dict[str, object],
) -> str:
    """The dashboard below the user's own panel; what it read stays in ``context`` (tests)."""
    page = pages.dashboard(scope, as_of)
    sparks = [charts.sparkline(card.series) for card in page.cards]
    context |= {"page": page, "cards": list(zip(page.cards, sparks, strict=True))}
    as_of = page.result.as_of.period  # resolved once: the panel is judged to the same month
    context["inyear"] = nowcast_pages.year_nowcast(scope.region, scope.year, as_of)
    panel = overview.projects_panel(scope.region, as_of, today)
    context["projects"] = panel
    if panel is not None:
        points = [(str(p.month), _pct(p.completion), _pct(p.time_progress)) for p in panel.curve]
        context["curve"] = charts.completion_curve(points)
        listing = reverse("projects:list")
        links = [  # a point of the curve opens its month's projects, as the table's rows do
            f"{listing}?as_of={p.month}&government=1&region={scope.region.code}"
            for p in panel.curve
        ]
        context |= {"curve_links": links, "curve_rows": list(zip(panel.curve, links, strict=True))}
    return render_to_string("plan/_dashboard_body.html", context, request)


def _changes(
    request: HttpRequest,
    scope: pages.Scope,
    as_of: Period | None,
    code: str | None = None,
    *,
    last_visit: datetime | None,
) -> changes.Changes:
    return changes.changes(
        actor=request.user,
        region_code=scope.region.code,
        year=scope.year,
        as_of=as_of,
        last_visit=last_visit,
        code=code,
    )


def _pct(value: object) -> float | None:
    return None if value is None else round(float(value), 1)  # type: ignore[arg-type]


@reader
def indicator_list(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    table = tables.TableFilter.from_query(request.GET)
    if excel.wanted(request):
        rows = table.apply(pages.evaluation(scope).evaluations)
        return excel.response(tables.evaluation_sheet(_title(scope, _("Plan indicators")), rows))

    def read() -> dict[str, object]:
        result = pages.evaluation(scope)
        owners = sorted({e.indicator.owner for e in result.evaluations if e.indicator.owner})
        rows = table.apply(result.evaluations)
        return {"result": result, "rows": rows, "owners": owners}

    context: dict[str, object] = {"scope": scope, "table": table}
    context["verdicts"] = pages.VERDICT_ORDER
    context["body"] = fragments.page_body(
        request, "indicators", _shown(scope), "plan/_indicators_body.html", context, read
    )
    return render(request, "plan/indicators.html", context)


def _shown(scope: pages.Scope) -> tuple[object, ...]:
    """What a kept body of ``scope`` shows, with :func:`fragments.page_body`'s query string."""
    return (scope.region.pk, scope.year, str(scope.as_of))


@reader
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    scope = _scope(request)
    page = indicator_pages.indicator_page(scope, code)
    if excel.wanted(request):
        title = f"{page.record.name} {_('Every value and where it came from')}"
        return excel.response(tables.history_sheet(title, page.history))
    inyear = nowcast_pages.indicator_nowcast(scope.region, scope.year, code, scope.as_of)
    context = {"scope": scope, "page": page, "inyear": inyear}
    as_of = page.current.as_of.period if page.current else scope.as_of
    context["changes"] = _changes(
        request, scope, as_of, code, last_visit=visits.since_last_visit(request)
    )
    return render(request, "plan/indicator.html", context)


@reader
def compare(request: HttpRequest) -> HttpResponse:
    """One indicator of every region and year: evaluated once per data version and scope."""
    scope = _scope(request)
    code = request.GET.get("indicator")
    if excel.wanted(request):
        page = indicator_pages.comparison(scope, code)
        title = _("%(name)s across years and regions") % {"name": page.record.name}
        return excel.response(tables.comparison_sheet(title, page.rows))
    context: dict[str, object] = {"scope": scope, "all_years": True}
    context["body"] = fragments.page_body(
        request,
        "compare",
        _shown(scope),
        "plan/_compare_body.html",
        context,
        lambda: {"page": indicator_pages.comparison(scope, code)},
    )
    return render(request, "plan/compare.html", context)


@reader
def search_page(request: HttpRequest) -> HttpResponse:
    """The header's search: what matches ``?q=`` among everything the user may read."""
    found = search.search(request.GET.get("q", ""), actor=request.user)
    return render(request, "plan/search.html", {"found": found})


@reader
def source_document(request: HttpRequest, label: str) -> HttpResponse:
    """A stored document a value cites, its ``?line=37`` (or ``37-39``) marked, anchored #L37."""
    first, _, last = request.GET.get("line", "").partition("-")
    start = int(first) if first.isdigit() else 0
    end = int(last) if last.isdigit() else start
    found = sources.document(
        actor=request.user,
        region_code=request.GET.get("region"),
        label=label,
        cited=range(start, end + 1),
    )
    return render(request, "plan/source.html", {"document": found, "first": start})


def report(request: HttpRequest) -> HttpResponse:
    """The published evaluation of a plan year: open to everyone, signed in or not."""
    published.limit_anonymous(request, "report-page")
    scope = _scope(request)
    result = pages.evaluation(scope)
    rows = tables.TableFilter().apply(result.evaluations)
    if excel.wanted(request):
        return excel.response(tables.evaluation_sheet(_title(scope, _("Main indicators")), rows))
    return render(request, "plan/report.html", {"scope": scope, "result": result, "rows": rows})


def report_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The annual report on plan execution as a file, for everyone who may read the report page."""
    if fmt not in {f.value for f in Format}:
        raise Http404(f"no report format {fmt!r}")
    published.limit_anonymous(request, "annual-report")
    scope = _scope(request)
    code, year, as_of = scope.region.code, scope.year, scope.as_of
    body = published.report(
        "annual",
        (code, year, Format(fmt), str(as_of or ""), False),
        lambda: annual_report(code, year, Format(fmt), as_of=as_of),
    )
    filename = f"{scope.region.code}-{scope.year}-annual-report.{fmt}"
    return attachment(body, CONTENT_TYPES[Format(fmt)], filename, inline=fmt == Format.HTML)
