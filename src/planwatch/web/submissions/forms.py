"""The entry and correction forms of a value; every rule is the service's.

A form only reads what was typed. The view calls the service
(:mod:`planwatch.services.values`) and, when it refuses, :func:`show_refusal`
puts each of its messages beside its field, the typed input kept.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.core.errors import PlanwatchError
from planwatch.core.observations import Status
from planwatch.services.value_checks import period_message
from planwatch.services.values import Entry
from planwatch.web.plan.models import IndicatorRecord, TargetRecord


def period_choices(indicator: IndicatorRecord) -> list[tuple[str, Any]]:
    """The year, its quarters and months, for every plan year of the indicator (latest first)."""
    years = TargetRecord.objects.filter(indicator=indicator).values_list("year", flat=True)
    choices: list[tuple[str, Any]] = []
    for year in sorted(set(years), reverse=True):
        options = [(str(year), _("%(year)s, whole year") % {"year": year})]
        options += [(f"{year}-Q{q}", f"{year} Q{q}") for q in range(1, 5)]
        options += [(f"{year}-{m:02d}", f"{year}-{m:02d}") for m in range(1, 13)]
        choices.append((str(year), options))
    return choices


def current_period(choices: list[tuple[str, Any]]) -> str | None:
    """Last month if it is in a plan year, else the latest plan year as a whole."""
    today = date.today()
    last = f"{today.year}-{today.month - 1:02d}" if today.month > 1 else str(today.year - 1)
    flat = [value for _, group in choices for value, _ in group]
    return last if last in flat else (flat[0] if flat else None)


class EntryForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    value = forms.FloatField(label=_("Value"), widget=forms.NumberInput(attrs={"step": "any"}))
    status = forms.ChoiceField(
        label=_("Actual or estimate"),
        choices=[(Status.ACTUAL.value, _("Actual")), (Status.ESTIMATE.value, _("Estimate"))],
    )
    note = forms.CharField(
        label=_("Note (reason for a shortfall, source of the figure)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(
        self, indicator: IndicatorRecord, *args: Any, correction: bool = False, **kwargs: Any
    ) -> None:
        """``correction``: the period and status are those of the value corrected, fixed."""
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        choices = period_choices(indicator)
        self.fields["period"].choices = choices
        self.fields["period"].initial = current_period(choices)
        self.fields["period"].error_messages["invalid_choice"] = period_message(indicator)
        self.fields["value"].help_text = indicator.unit
        self.fields["period"].disabled = self.fields["status"].disabled = correction

    def entry(self) -> Entry:
        data = self.cleaned_data
        return Entry(data["period"], data["value"], Status(data["status"]), data.get("note", ""))


class CorrectionForm(EntryForm):
    """A correction of an approved value: same period and status, a new value and a reason."""

    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, indicator: IndicatorRecord, *args: Any, **kwargs: Any) -> None:
        super().__init__(indicator, *args, correction=True, **kwargs)


def show_refusal(form: forms.Form, refusal: PlanwatchError) -> None:
    """Put a service's refusal beside the fields it names (the rest above the form)."""
    findings = getattr(refusal, "findings", None)
    named = [(f.field, f.message) for f in findings] if findings else []
    named = named or [(getattr(refusal, "field", None), refusal.message)]
    for field, message in named:
        form.add_error(field if field in form.fields else None, message)
