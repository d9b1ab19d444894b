"""The reporting-period page: what a department owes, overdue flagged; the office opens, closes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from planwatch.core.errors import InvalidValue
from planwatch.web.access import reader
from planwatch.web.accounts.roles import can_review, department_of
from planwatch.web.downloads import attachment
from planwatch.web.excel import XLSX
from planwatch.web.plan.models import Region
from planwatch.web.submissions import imports, periods


class OpenForm(forms.Form):
    region = forms.ChoiceField(label=gettext_lazy("Region"))
    period = forms.CharField(label=gettext_lazy("Period"), max_length=10, help_text="2025-06")
    due = forms.DateField(label=gettext_lazy("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        regions = Region.objects.districts().order_by("code").values_list("code", "name")
        self.fields["region"].choices = list(regions)


@reader
def owed(request: HttpRequest) -> HttpResponse:
    return _page(request, OpenForm())


@require_POST
@reader
def open_(request: HttpRequest) -> HttpResponse:
    form = OpenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    record = periods.open_period(
        actor=request.user, region_code=data["region"], period=data["period"], due=data["due"]
    )
    messages.success(request, _("Opened: %(period)s") % {"period": record.period})
    return redirect("submissions:periods")


@require_POST
@reader
def close(request: HttpRequest, region: str, period: str) -> HttpResponse:
    record = periods.close_period(actor=request.user, region_code=region, period=period)
    messages.info(request, _("Closed: %(period)s") % {"period": record.period})
    return redirect("submissions:periods")


def _page(request: HttpRequest, form: OpenForm, status: int = 200) -> HttpResponse:
    department = request.GET.get("department") or None
    owed = periods.obligations(actor=request.user, department=department)
    context = {
        "obligations": owed,
        "tallies": periods.tallies(owed),
        "periods": periods.periods(actor=request.user),
        "manage": can_review(request.user),
        "form": form,
        "today": timezone.localdate(),
    }
    return render(request, "submissions/periods.html", context, status=status)


@reader
def download(request: HttpRequest, region: str, period: str) -> HttpResponse:
    department = request.GET.get("department") or department_of(request.user)
    content = imports.export_workbook(
        actor=request.user, region_code=region, period=period, department=department
    )
    return attachment(content, XLSX, f"{department}-{period}.xlsx")


@require_POST
@reader
def upload(request: HttpRequest) -> HttpResponse:
    file = request.FILES.get("workbook")
    if file is None:
        raise InvalidValue(_("Choose the filled workbook (.xlsx) to upload."))
    done = imports.import_workbook(actor=request.user, stream=file, name=file.name or "")
    count = {"count": done.submitted}
    messages.success(request, _("Submitted for review: %(count)s values") % count)
    return redirect("submissions:periods")
