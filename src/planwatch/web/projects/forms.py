"""The monthly progress form of a project; its checks are the workbook's (``progress_problems``).

The revision rule is the service's (:func:`planwatch.services.projects.report_project_progress`);
what it refuses comes back beside the field it concerns (:meth:`ProgressForm.refused`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.core.progress import EVIDENCE_MAX_BYTES, ProgressReport
from planwatch.core.projects import MILESTONE_NAMES, Project
from planwatch.services.project_entry import ProgressEntry, Upload, progress_problems

# form field of each milestone's reached date (HTML ids stay ASCII)
REACHED_FIELDS = dict(
    zip(MILESTONE_NAMES, ("reached_start", "reached_main", "reached_done"), strict=True)
)


def default_month(project: Project, reports: list[ProgressReport]) -> str:
    """The month after the latest report, else last month (within the project's year)."""
    if reports:
        latest = max(r.period for r in reports)
        month = min(12, (latest.month or 12) + 1)
    else:
        today = date.today()
        month = max(1, today.month - 1) if today.year == project.year else 12
        month = 1 if today.year < project.year else month
    return f"{project.year}-{month:02d}"


class ProgressForm(forms.Form):
    month = forms.ChoiceField(label=_("Month"))
    completed = forms.DecimalField(
        label=_("Completed investment this year, cumulative (10k yuan)"),
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    narrative = forms.CharField(
        label=_("Progress this month"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Reason (a month reported again, lower than last month, above the annual plan)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.FileField(
        label=_("Evidence file (PDF, JPG or PNG, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(
        self, project: Project, reports: list[ProgressReport], *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self._entry: ProgressEntry | None = None
        self.fields["month"].choices = [
            (f"{project.year}-{m:02d}", f"{project.year}-{m:02d}") for m in range(1, 13)
        ]
        self.fields["month"].initial = default_month(project, reports)
        planned = {m.name: m.planned for m in project.milestones}
        for name, field_name in REACHED_FIELDS.items():
            if name in planned:
                self.fields[field_name] = forms.DateField(
                    label=_("%(milestone)s reached on") % {"milestone": name},
                    required=False,
                    help_text=_("planned %(day)s") % {"day": planned[name].isoformat()},
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                )
        latest = max(reports, key=lambda r: r.period, default=None)
        if latest is not None:
            for name, day in latest.reached.items():
                if REACHED_FIELDS.get(name) in self.fields:
                    self.fields[REACHED_FIELDS[name]].initial = day
        # reorder: month, amount, milestones, narrative, evidence
        order = ["month", "completed", *[f for f in REACHED_FIELDS.values() if f in self.fields]]
        self.order_fields([*order, "narrative", "reason", "evidence"])

    def clean_evidence(self) -> Any:
        """Refuse an oversized file before its bytes are read into memory."""
        upload = self.cleaned_data.get("evidence")
        if upload and upload.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is over %(mb)s MB.") % {"mb": EVIDENCE_MAX_BYTES // 1024 // 1024}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors:
            self.refused(progress_problems(self.project, self.entry()))
        return data

    def refused(self, problems: dict[str, str]) -> None:
        """Show each of the service's reasons beside its field (a milestone's beside its date)."""
        for name, message in problems.items():
            field = REACHED_FIELDS.get(name, name)
            self.add_error(field if field in self.fields else None, message)

    def entry(self) -> ProgressEntry:
        """The entry of the cleaned data, read once (an upload's bytes can be read only once)."""
        if self._entry is None:
            self._entry = self._read_entry()
        return self._entry

    def _read_entry(self) -> ProgressEntry:
        data = self.cleaned_data
        upload = data.get("evidence")
        return ProgressEntry(
            month=data["month"],
            completed=data["completed"] if data["completed"] is not None else Decimal(0),
            reached={n: data.get(f) for n, f in REACHED_FIELDS.items() if f in self.fields},
            narrative=data.get("narrative", ""),
            evidence=None if not upload else Upload(upload.name, upload.read()),
            reason=data.get("reason", ""),
        )
