"""The forms that report a problem (发现) and a key task's quarterly progress in the browser.

A form reads what was typed; every rule is the service's
(:func:`planwatch.services.problems.report_problem`,
:func:`planwatch.services.tasks.report_subtarget_progress`), and what a service
refuses comes back beside the field it names (:func:`refused`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planwatch.core.errors import PlanwatchError
from planwatch.core.observations import Period
from planwatch.core.problems import LinkKind, Problem, Severity, Source
from planwatch.core.tasks import TaskProgress
from planwatch.web.projects.models import Department, SubTargetRecord, TaskRecord
from planwatch.web.projects.models.fields import enum_choices

_LINKS = [
    (LinkKind.PROJECT.value, _("Project")),
    (LinkKind.TASK.value, _("Key task")),
    (LinkKind.INDICATOR.value, _("Indicator")),
]


class ProblemForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40, help_text="WT-2025-901")
    description = forms.CharField(
        label=_("Problem found"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.ChoiceField(label=_("Found by"), choices=enum_choices(Source))
    link_kind = forms.ChoiceField(label=_("Concerns a"), choices=_LINKS)
    link = forms.CharField(
        label=_("Its code"), max_length=60, help_text=_("project, key task or indicator code")
    )
    department = forms.ChoiceField(label=_("Department that rectifies it"))
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    severity = forms.ChoiceField(
        label=_("Severity"), choices=enum_choices(Severity), initial=Severity.MEDIUM.value
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = Department.objects.order_by("name").values_list("name", flat=True)
        self.fields["department"].choices = [("", "—")] + [(n, n) for n in names]

    def problem(self) -> Problem:
        data = self.cleaned_data
        return Problem(
            code=data["code"].strip(),
            source=Source(data["source"]),
            link_kind=LinkKind(data["link_kind"]),
            link=data["link"].strip(),
            description=data["description"].strip(),
            department=data["department"],
            deadline=data["deadline"],
            severity=Severity(data["severity"]),
            found_at=timezone.now(),
        )


class TaskProgressForm(forms.Form):
    sub_target = forms.ChoiceField(label=_("Sub-target"))
    quarter = forms.ChoiceField(label=_("Quarter"), choices=[(q, f"Q{q}") for q in range(1, 5)])
    value = forms.FloatField(
        label=_("Full-year estimate (a quantity)"),
        required=False,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    done_on = forms.DateField(
        label=_("Done on (a milestone)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Progress this quarter"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Reason (a quarter reported again)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, task: TaskRecord, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.task = task
        subs = SubTargetRecord.objects.filter(task=task).order_by("code")
        self.fields["sub_target"].choices = [(s.code, f"{s.code} {s.text}") for s in subs]
        self.fields["quarter"].initial = _due_quarter(task.year)

    def report(self) -> TaskProgress:
        data = self.cleaned_data
        return TaskProgress(
            sub_target=data["sub_target"],
            period=Period(self.task.year, quarter=int(data["quarter"])),
            value=data.get("value"),
            done_on=data.get("done_on"),
            note=data.get("note", ""),
        )


def _due_quarter(year: int) -> int:
    """The quarter last ended (reports come at a quarter's end); Q4 for a past year."""
    today = timezone.localdate()
    if today.year != year:
        return 4 if today.year > year else 1
    return max(1, (today.month - 1) // 3)


def refused(form: forms.Form, refusal: PlanwatchError) -> None:
    """Put a service's refusal beside the field it names, else above the form."""
    field = getattr(refusal, "field", None)
    form.add_error(field if field in form.fields else None, refusal.message)
